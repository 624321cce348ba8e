package dev.respite.it

import dev.respite.RedisDataSource
import dev.respite.command.ScanOptions
import dev.respite.command.ScoredValue
import dev.respite.command.SetOptions
import dev.respite.command.ZRange
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.extension.RegisterExtension
import java.time.Duration
import kotlin.streams.asSequence

/** The typed families from Kotlin: nullable replies, lambdas for pipelines and transactions. */
class CommandsKotlinTest {
    companion object {
        @JvmField
        @RegisterExtension
        val redis: RedisServerExtension = RedisServerExtension.create()
    }

    @Test
    fun `families return Kotlin-friendly types`() {
        RedisDataSource.create(redis.url()).use { ds ->
            ds.openSession().use { s ->
                val written: Boolean = s.set("session:1", "ada", SetOptions.ex(Duration.ofMinutes(5)).nx())
                assertThat(written).isTrue()
                val missing: String? = s.hget("user:1", "name")
                assertThat(missing).isNull()
                s.hset("user:1", mapOf("name" to "Ada", "lang" to "en"))
                val user: Map<String, String> = s.hgetAll("user:1")
                assertThat(user).containsEntry("name", "Ada")
                s.zadd("board", 10.0, "ada")
                s.zadd("board", 20.0, "bob")
                val score: Double? = s.zscore("board", "nobody")
                assertThat(score).isNull()
                assertThat(s.zrangeWithScores("board", ZRange.byRank(0, 0).reverse()))
                    .containsExactly(ScoredValue("bob", 20.0))
                val keys = s.scan(ScanOptions.match("user:*")).asSequence().toList()
                assertThat(keys).containsExactly("user:1")
            }
        }
    }

    @Test
    fun `pipelines and transactions take lambdas`() {
        RedisDataSource.create(redis.url()).use { ds ->
            ds.openSession().use { s ->
                val counts = s.pipeline().use { p ->
                    val responses = (1..100).map { p.queue { c -> c.incr("hits") } }
                    p.sync()
                    responses.map { it.get() }
                }
                assertThat(counts.last()).isEqualTo(100L)
                val committed = s.transaction { tx ->
                    tx.queue { c -> c.set("a", "1") }
                    tx.queue { c -> c.rpush("log", "set a") }
                }
                assertThat(committed).isTrue()
                assertThat(s.lrange("log", 0, -1)).containsExactly("set a")
            }
        }
    }
}
