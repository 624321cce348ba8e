package dev.respite.kotlin.example

import dev.respite.RedisDataSource
import dev.respite.command.ScanOptions
import dev.respite.kotlin.getAs
import dev.respite.kotlin.multi
import dev.respite.kotlin.pipeline
import dev.respite.kotlin.scanFlow
import dev.respite.kotlin.setAs
import dev.respite.kotlin.subscribe
import dev.respite.kotlin.watch
import dev.respite.kotlin.withSession
import dev.respite.testsupport.LocalRedisServer
import java.time.Duration
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.delay
import kotlinx.coroutines.flow.take
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeout
import kotlinx.serialization.Serializable

/** A value stored with kotlinx.serialization. */
@Serializable
data class User(val id: Long, val name: String, val email: String?)

/**
 * The Kotlin API in one run: sessions from coroutines, typed values, pipelines, transactions, scans and
 * pub/sub as a Flow. Uses `REDIS_URL` when set, else a throwaway `redis-server` on a free loopback port.
 *
 * `mvn -q -pl kotlin -am -DskipTests test-compile exec:java@example`
 */
fun main(): Unit = runBlocking {
  val local = if (System.getenv("REDIS_URL") == null) LocalRedisServer.launch() else null
  val url = System.getenv("REDIS_URL") ?: local!!.url()
  try {
    RedisDataSource.create(url).use { redis -> tour(redis) }
  } finally {
    local?.close()
  }
}

private suspend fun tour(redis: RedisDataSource) = coroutineScope {
  // A session per coroutine; the blocking driver runs off this dispatcher and the session is always closed.
  val greetings = (1..3).map { i ->
    async { redis.withSession { set("greeting:$i", "hello $i"); get("greeting:$i") } }
  }
  println("greetings: ${greetings.awaitAll()}")

  redis.withSession {
    setAs("user:1", User(1, "Ada", email = null))
    val ada: User? = getAs<User>("user:1")
    println("typed value: $ada (stored as ${get("user:1")})")

    val (visits, greeting) = pipeline { queue { it.incr("visits") } to queue { it.get("greeting:1") } }
    println("pipeline: visits=${visits.get()} greeting=${greeting.get()}")

    val counter = multi { queueVoid { it.set("counter", "41") }; queue { it.incr("counter") } }
    println("multi: counter=${counter?.get()}")

    val expected = watch("counter") {
      val now = get("counter")!!.toLong()
      queue { it.decrBy("counter", 1) }
      now - 1
    }
    println("watch: counter is now $expected")

    println("scan: ${scanFlow(ScanOptions.match("greeting:*")).toList().sorted()}")
  }

  // Pub/sub as a Flow: collecting subscribes; take(2) then closes the subscriber connection.
  val news = async(Dispatchers.Default) { redis.subscribe("news").take(2).toList() }
  while (redis.withSession { execute("PUBSUB", "NUMSUB", "news").asList()[1].asLong() } == 0L) delay(10)
  redis.withSession { publish("news", "first"); publish("news", "second") }
  println("news: ${withTimeout(5_000) { news.await() }.map { it.payload() }}")

  val nothing = redis.withSession { blpop(Duration.ofMillis(100), "empty") }
  println("blpop on an empty list, 100 ms: $nothing")
}
