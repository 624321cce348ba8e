package dev.respite.kotlin

import dev.respite.RedisException
import dev.respite.RedisServerException
import java.util.concurrent.atomic.AtomicInteger
import kotlin.time.Duration.Companion.seconds
import kotlinx.coroutines.test.runTest
import org.assertj.core.api.Assertions.assertThat
import org.assertj.core.api.Assertions.assertThatThrownBy
import org.junit.jupiter.api.Test

class QueueBuildersIntegrationTest : RedisServerTest() {

  @Test
  fun `pipeline returns the typed responses its block queued, filled`() = runTest(timeout = 30.seconds) {
    val (hits, name, missing) = redis.withSession {
      set("name", "Ada")
      pipeline {
        queue { it.incr("hits") }
        Triple(queue { it.incrBy("hits", 10) }, queue { it.get("name") }, queue { it.get("missing") })
      }
    }
    val total: Long = hits.get()
    assertThat(total).isEqualTo(11L)
    assertThat(name.get()).isEqualTo("Ada")
    assertThat(missing.get()).isNull()
  }

  @Test
  fun `a pipelined error reply fails only its own response`() = runTest(timeout = 30.seconds) {
    val responses = redis.withSession {
      hset("hash", "f", "v")
      pipeline { listOf(queue { it.incr("hash") }, queue { it.incr("counter") }) }
    }
    assertThatThrownBy { responses[0].get() }
      .isInstanceOfSatisfying(RedisServerException::class.java) { assertThat(it.code()).isEqualTo("WRONGTYPE") }
    assertThat(responses[1].get()).isEqualTo(1L)
  }

  @Test
  fun `a pipeline whose block throws still sends what it queued and propagates the exception`() =
    runTest(timeout = 30.seconds) {
      val afterwards = redis.withSession {
        val failure = runCatching { pipeline { queueVoid { it.set("sent", "yes") }; error("half way") } }
        assertThat(failure.exceptionOrNull()).hasMessage("half way")
        get("sent")
      }
      assertThat(afterwards).isEqualTo("yes")
    }

  @Test
  fun `multi runs the queued commands atomically and returns the block's responses`() =
    runTest(timeout = 30.seconds) {
      val counter = redis.withSession {
        multi {
          queueVoid { it.set("a", "1") }
          queue { it.incr("a") }
        }
      }
      assertThat(counter).isNotNull()
      assertThat(counter!!.get()).isEqualTo(2L)
    }

  @Test
  fun `multi returns null when a watched key changed and nothing ran`() = runTest(timeout = 30.seconds) {
    val outcome = redis.withSession {
      set("watched", "old")
      watch("watched")
      fixture.raw { call("SET", "watched", "changed elsewhere") }
      multi { queueVoid { it.set("watched", "mine") } } to get("watched")
    }
    assertThat(outcome).isEqualTo(null to "changed elsewhere")
  }

  @Test
  fun `a multi block that throws sends nothing and the session stays usable`() = runTest(timeout = 30.seconds) {
    val (failure, value) = redis.withSession {
      val failure = runCatching { multi { queueVoid { it.set("never", "x") }; error("changed my mind") } }
      failure.exceptionOrNull() to get("never")
    }
    assertThat(failure).hasMessage("changed my mind")
    assertThat(value).isNull()
  }

  @Test
  fun `an error inside EXEC fails its response while the others ran`() = runTest(timeout = 30.seconds) {
    val responses = redis.withSession {
      sadd("set", "x")
      multi { listOf(queue { it.incr("set") }, queue { it.incr("n") }) }!!
    }
    assertThatThrownBy { responses[0].get() }
      .isInstanceOfSatisfying(RedisServerException::class.java) { assertThat(it.code()).isEqualTo("WRONGTYPE") }
    assertThat(responses[1].get()).isEqualTo(1L)
  }

  @Test
  fun `watch retries the block after a concurrent change and returns the committed attempt's result`() =
    runTest(timeout = 30.seconds) {
      val attempts = AtomicInteger()
      val result = redis.withSession {
        set("balance", "100")
        watch("balance") {
          val balance = get("balance")!!.toLong()
          if (attempts.incrementAndGet() == 1) fixture.raw { call("INCRBY", "balance", "50") }
          queueVoid { it.set("balance", (balance - 30).toString()) }
          balance - 30
        }
      }
      assertThat(attempts.get()).isEqualTo(2)
      assertThat(result).isEqualTo(120L)
      assertThat(redis.withSession { get("balance") }).isEqualTo("120")
    }

  @Test
  fun `watch gives up after maxAttempts when the key keeps changing`() = runTest(timeout = 30.seconds) {
    val attempts = AtomicInteger()
    val failure = runCatching {
      redis.withSession {
        watch("hot", maxAttempts = 3) {
          attempts.incrementAndGet()
          fixture.raw { call("INCR", "hot") }
          queue { it.incr("hot") }
        }
      }
    }.exceptionOrNull()
    assertThat(failure).isInstanceOf(RedisException::class.java)
    assertThat(attempts.get()).isEqualTo(3)
    assertThat(redis.withSession { get("hot") }).isEqualTo("3")
  }

  @Test
  fun `watch without a key is rejected`() = runTest(timeout = 30.seconds) {
    val failure = runCatching { redis.withSession { watch<String, String, Unit> { } } }.exceptionOrNull()
    assertThat(failure).isInstanceOf(IllegalArgumentException::class.java)
  }
}
