package dev.respite.kotlin

import java.time.Duration
import java.util.concurrent.atomic.AtomicInteger
import kotlin.time.Duration.Companion.seconds
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.awaitCancellation
import kotlinx.coroutines.cancelAndJoin
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.launch
import kotlinx.coroutines.test.runTest
import org.assertj.core.api.Assertions.assertThat
import org.assertj.core.api.Assertions.assertThatThrownBy
import org.junit.jupiter.api.Test

// 10,000 coroutines share 16 connections: a borrow may wait behind thousands of others.
class WithSessionIntegrationTest : RedisServerTest("poolMaxTotal=16&poolMaxWait=30s") {

  @Test
  fun `ten thousand concurrent coroutines each read back exactly what they wrote`() = runTest(timeout = 60.seconds) {
    val checked = AtomicInteger()
    coroutineScope {
      repeat(10_000) { i ->
        launch {
          redis.withSession {
            set("key:$i", "value:$i")
            assertThat(get("key:$i")).isEqualTo("value:$i")
            checked.incrementAndGet()
          }
        }
      }
    }
    assertThat(checked.get()).isEqualTo(10_000)
    assertThat(redis.withSession { dbsize() }).isEqualTo(10_000L)
    assertThat(redis.poolStats().active()).isZero()
  }

  @Test
  fun `cancelling a BLPOP in flight destroys its connection and no late reply reaches the next session`() =
    runTest(timeout = 30.seconds) {
      val singleConnection = fixture.newDataSource("poolMaxTotal=1")
      singleConnection.use { ds ->
        val blocked = launch { ds.withSession { blpop(Duration.ofSeconds(30), "jobs") } }
        eventually("the BLPOP is blocked on the server") { fixture.blockedClients() == 1 }
        val connectionsBefore = fixture.connectedClients()

        blocked.cancelAndJoin()

        assertThat(blocked.isCancelled).isTrue()
        assertThat(ds.poolStats().active()).isZero()
        assertThat(ds.poolStats().idle()).describedAs("the interrupted connection is not pooled").isZero()
        eventually("the server saw the connection close") {
          fixture.blockedClients() == 0 && fixture.connectedClients() == connectionsBefore - 1
        }
        // Had the BLPOP stayed on the server, it would take this element; it must still be in the list.
        fixture.raw { call("RPUSH", "jobs", "late") }
        val next = ds.withSession { Triple(ping(), llen("jobs"), lpop("jobs")) }
        assertThat(next).isEqualTo(Triple("PONG", 1L, "late"))
        assertThat(ds.withSession { set("after", "ok"); get("after") }).isEqualTo("ok")
        assertThat(ds.poolStats().active()).isZero()
      }
    }

  @Test
  fun `cancelling while the block is suspended keeps the connection for the next session`() =
    runTest(timeout = 30.seconds) {
      val singleConnection = fixture.newDataSource("poolMaxTotal=1")
      singleConnection.use { ds ->
        val clientId = CompletableDeferred<Long>()
        val waiting = launch {
          ds.withSession {
            clientId.complete(execute("CLIENT", "ID").asLong())
            awaitCancellation()
          }
        }
        val first = clientId.await()
        waiting.cancelAndJoin()

        assertThat(ds.poolStats().active()).isZero()
        assertThat(ds.withSession { execute("CLIENT", "ID").asLong() }).isEqualTo(first)
      }
    }

  @Test
  fun `a block that throws still returns its session and the exception reaches the caller`() =
    runTest(timeout = 30.seconds) {
      val failure = runCatching { redis.withSession { set("k", "v"); error("boom") } }.exceptionOrNull()

      assertThat(failure).isInstanceOf(IllegalStateException::class.java).hasMessage("boom")
      assertThat(redis.poolStats().active()).isZero()
      assertThat(redis.withSession { get("k") }).isEqualTo("v")
    }

  @Test
  fun `a server error keeps its code and the session stays usable`() = runTest(timeout = 30.seconds) {
    val code = redis.withSession {
      hset("hash", "f", "v")
      val error = runCatching { incr("hash") }.exceptionOrNull() as dev.respite.RedisServerException
      assertThat(get("missing")).isNull()
      error.code()
    }
    assertThat(code).isEqualTo("WRONGTYPE")
  }

  @Test
  fun `the database overload runs the block on that database`() = runTest(timeout = 30.seconds) {
    redis.withSession(3) { set("where", "three") }

    assertThat(redis.withSession(3) { database() to get("where") }).isEqualTo(3 to "three")
    assertThat(redis.withSession { get("where") }).isNull()
  }

  @Test
  fun `a negative database is rejected with its value`() = runTest {
    assertThatThrownBy { kotlinx.coroutines.runBlocking { redis.withSession(-1) { ping() } } }
      .isInstanceOf(IllegalArgumentException::class.java)
      .hasMessageContaining("-1")
  }

  @Test
  fun `the block runs off the caller's thread and its result comes back to it`() = runTest(timeout = 30.seconds) {
    val caller = Thread.currentThread()
    val blockThread = redis.withSession { Thread.currentThread() }
    assertThat(blockThread).isNotSameAs(caller)
    assertThat(Thread.currentThread()).isSameAs(caller)
  }

  @Test
  fun `a cancelled caller never borrows a session`() = runTest(timeout = 30.seconds) {
    var ran = false
    val job = launch { redis.withSession { ran = true; ping() } }
    job.cancel()
    job.join()
    assertThat(job.isCancelled).isTrue()
    assertThat(ran).isFalse()
    assertThat(redis.poolStats().active()).isZero()
  }
}

