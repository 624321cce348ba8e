package dev.respite.kotlin.example

import dev.respite.RedisDataSource
import dev.respite.kotlin.RedisDispatchers
import dev.respite.kotlin.runSession
import dev.respite.testsupport.LocalRedisServer
import java.time.Duration
import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking

/**
 * Compares the dispatchers `withSession` can run the blocking driver on: `Dispatchers.IO` (64 threads by
 * default) and virtual threads (JDK 21+). Not a JMH benchmark: a timing run, best of [ROUNDS] rounds after
 * a warm-up, on a throwaway `redis-server`. Speed is never asserted in a test; this prints numbers.
 *
 * `mvn -q -pl kotlin -am -DskipTests test-compile exec:java@dispatcher-timing` (on JDK 21+ for both rows)
 */
fun main() {
  LocalRedisServer.launch().use { server ->
    val dispatchers = listOfNotNull("Dispatchers.IO" to Dispatchers.IO,
      RedisDispatchers.virtualThreads?.let { "virtual threads" to it })
    println("JDK ${Runtime.version()}, ${Runtime.getRuntime().availableProcessors()} cores, " +
      "withSession default: ${if (RedisDispatchers.sessions === Dispatchers.IO) "Dispatchers.IO" else "virtual threads"}")
    RedisDataSource.create(server.url() + "?poolMaxTotal=16&poolMaxWait=60s").use { redis ->
      for ((name, dispatcher) in dispatchers) {
        println("%-16s short sessions: 20,000 x (SET+GET), pool 16: %5d ms".format(name, best { shortSessions(redis, dispatcher) }))
      }
    }
    RedisDataSource.create(server.url() + "?poolMaxTotal=600&poolMaxWait=60s").use { redis ->
      for ((name, dispatcher) in dispatchers) {
        println("%-16s blocking:       500 x BLPOP 200 ms, pool 600: %5d ms".format(name, best { blockingSessions(redis, dispatcher) }))
      }
    }
  }
}

private const val ROUNDS = 3

private fun best(run: () -> Unit): Long {
  run() // warm-up: class loading, JIT, the pool's connections
  return (1..ROUNDS).minOf {
    val start = System.nanoTime()
    run()
    (System.nanoTime() - start) / 1_000_000
  }
}

private fun shortSessions(redis: RedisDataSource, dispatcher: CoroutineDispatcher) = runBlocking {
  repeat(20_000) { i ->
    launch { redis.runSession(dispatcher, null) { set("k$i", "v"); check(get("k$i") == "v") } }
  }
}

private fun blockingSessions(redis: RedisDataSource, dispatcher: CoroutineDispatcher) = runBlocking {
  repeat(500) { i ->
    launch { redis.runSession(dispatcher, null) { blpop(Duration.ofMillis(200), "empty:$i") } }
  }
}
