package dev.respite.kotlin

import dev.respite.RedisDataSource
import dev.respite.testsupport.LocalRedisServer
import dev.respite.testsupport.RawRedisClient
import java.time.Duration
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.withContext
import org.junit.jupiter.api.extension.AfterAllCallback
import org.junit.jupiter.api.extension.BeforeAllCallback
import org.junit.jupiter.api.extension.BeforeEachCallback
import org.junit.jupiter.api.extension.ExtensionContext

/**
 * One throwaway `redis-server` per test class, on a free loopback port, with a data source on it; each
 * test starts on an empty database. Test classes get it by extending [RedisServerTest].
 *
 * @param options URL options of the data source, e.g. `poolMaxTotal=4`
 */
class RedisServerFixture(private val options: String = "") : BeforeAllCallback, BeforeEachCallback,
  AfterAllCallback {

  private var started: LocalRedisServer? = null
  private var dataSource: RedisDataSource? = null

  /** The server of the running test class. */
  val server: LocalRedisServer get() = checkNotNull(started) { "the server starts before the test class" }

  /** The data source on [server], shared by the class's tests. */
  val redis: RedisDataSource get() = checkNotNull(dataSource) { "the server starts before the test class" }

  override fun beforeAll(context: ExtensionContext) {
    val server = LocalRedisServer.launch()
    started = server
    dataSource = newDataSource()
  }

  override fun beforeEach(context: ExtensionContext) {
    raw { call("FLUSHALL") }
  }

  override fun afterAll(context: ExtensionContext) {
    dataSource?.close()
    started?.close()
  }

  /** Another data source on [server], for a test that closes it, with its own URL [query] options. */
  fun newDataSource(query: String = options): RedisDataSource =
    RedisDataSource.create(server.url() + if (query.isEmpty()) "" else "?$query")

  /** Runs [block] on a connection of its own, outside the driver, to look at the server from the side. */
  fun <T> raw(block: RawRedisClient.() -> T): T =
    RawRedisClient(server.host(), server.port(), Duration.ofSeconds(5)).use { it.block() }

  /** The number of subscribers of [channel] the server counts (`PUBSUB NUMSUB`). */
  fun subscribers(channel: String): Long = raw { (call("PUBSUB", "NUMSUB", channel) as List<*>)[1] as Long }

  /** The clients the server counts (`INFO clients`' `connected_clients`), this probe's own included. */
  fun connectedClients(): Int = infoField("clients", "connected_clients")

  /** Clients blocked in a command such as `BLPOP` (`INFO clients`' `blocked_clients`). */
  fun blockedClients(): Int = infoField("clients", "blocked_clients")

  private fun infoField(section: String, field: String): Int {
    val info = raw { call("INFO", section) }.let { if (it is ByteArray) it.decodeToString() else it.toString() }
    val line = info.lineSequence().first { it.startsWith("$field:") }
    return line.substringAfter(':').trim().toInt()
  }
}

/**
 * Waits in real time (not the test scheduler's virtual time) until [condition] holds, checking every
 * 20 ms, and fails with [what] after [timeout].
 */
suspend fun eventually(what: String, timeout: Duration = Duration.ofSeconds(10), condition: () -> Boolean) {
  withContext(Dispatchers.IO) {
    val deadline = System.nanoTime() + timeout.toNanos()
    while (!condition()) {
      check(System.nanoTime() < deadline) { "still not true after $timeout: $what" }
      Thread.sleep(20)
    }
  }
}
