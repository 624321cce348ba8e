package dev.respite.kotlin

import dev.respite.command.ScanOptions
import kotlin.time.Duration.Companion.seconds
import kotlinx.coroutines.flow.map
import kotlinx.coroutines.flow.take
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.flow.toSet
import kotlinx.coroutines.test.runTest
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.Test

class ScanFlowsIntegrationTest : RedisServerTest() {

  @Test
  fun `scanFlow emits every matching key across cursor pages`() = runTest(timeout = 30.seconds) {
    val keys = redis.withSession {
      (0 until 300).forEach { set("scan:$it", "v") }
      set("other", "v")
      scanFlow(ScanOptions.match("scan:*").count(10)).toSet()
    }
    assertThat(keys).isEqualTo((0 until 300).map { "scan:$it" }.toSet())
  }

  @Test
  fun `a collector that stops early stops the scan and leaves the session usable`() = runTest(timeout = 30.seconds) {
    val (firstThree, after) = redis.withSession {
      (0 until 100).forEach { set("k$it", "v") }
      scanFlow(ScanOptions.none().count(10)).take(3).toList() to ping()
    }
    assertThat(firstThree).hasSize(3)
    assertThat(after).isEqualTo("PONG")
  }

  @Test
  fun `hash, set and sorted set scans emit their entries`() = runTest(timeout = 30.seconds) {
    redis.withSession {
      (0 until 50).forEach {
        hset("h", "f$it", "v$it")
        sadd("s", "m$it")
        zadd("z", it.toDouble(), "z$it")
      }
      val fields = hscanFlow("h").toList().associate { (field, value) -> field to value }
      val members = sscanFlow("s").toSet()
      val scores = zscanFlow("z").map { it.value() to it.score() }.toList().toMap()

      assertThat(fields).isEqualTo((0 until 50).associate { "f$it" to "v$it" })
      assertThat(members).isEqualTo((0 until 50).map { "m$it" }.toSet())
      assertThat(scores).isEqualTo((0 until 50).associate { "z$it" to it.toDouble() })
    }
  }
}
