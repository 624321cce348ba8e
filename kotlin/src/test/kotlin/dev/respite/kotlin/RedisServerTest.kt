package dev.respite.kotlin

import dev.respite.RedisDataSource
import org.junit.jupiter.api.TestInstance
import org.junit.jupiter.api.extension.RegisterExtension

/**
 * Base of this module's tests: one `redis-server` per test class ([RedisServerFixture]), a data source on it
 * with the URL [options], and an empty database before each test. One instance serves the whole class, so
 * that the fixture's per-class callbacks run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RedisServerTest(options: String = "") {

  /** The server and its data source. */
  @JvmField
  @RegisterExtension
  val fixture = RedisServerFixture(options)

  /** The data source shared by the class's tests. */
  protected val redis: RedisDataSource get() = fixture.redis
}
