package dev.respite.kotlin

import dev.respite.pubsub.Message
import dev.respite.pubsub.MessageKind
import kotlin.time.Duration.Companion.seconds
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.async
import kotlinx.coroutines.cancelAndJoin
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.flow.conflate
import kotlinx.coroutines.flow.first
import kotlinx.coroutines.flow.take
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.launch
import kotlinx.coroutines.test.runTest
import kotlinx.coroutines.withTimeout
import kotlinx.coroutines.withContext
import org.assertj.core.api.Assertions.assertThat
import org.assertj.core.api.Assertions.assertThatThrownBy
import org.junit.jupiter.api.Test

class SubscriptionFlowIntegrationTest : RedisServerTest() {

  @Test
  fun `a collected subscription receives every message in publish order`() = runTest(timeout = 30.seconds) {
    val received = async(Dispatchers.Default) { redis.subscribe("news").take(200).toList() }
    eventually("the flow subscribed") { fixture.subscribers("news") == 1L }

    redis.withSession { repeat(200) { publish("news", "m$it") } }

    val messages = received.await()
    assertThat(messages.map { it.payload() }).containsExactlyElementsOf((0 until 200).map { "m$it" })
    assertThat(messages).allSatisfy { assertThat(it.channel()).isEqualTo("news") }
    eventually("take(200) closed the subscriber") { fixture.subscribers("news") == 0L }
  }

  @Test
  fun `a subscription survives a server restart and goes on receiving`() = runTest(timeout = 45.seconds) {
    val inbox = Channel<String>(Channel.UNLIMITED)
    val collecting = launch(Dispatchers.Default) { redis.subscribe("orders").collect { inbox.send(it.payload()) } }
    eventually("the flow subscribed") { fixture.subscribers("orders") == 1L }
    redis.withSession { publish("orders", "before") }
    assertThat(withRealTimeout { inbox.receive() }).isEqualTo("before")

    withContext(Dispatchers.IO) { fixture.server.restart() }
    eventually("the subscriber reconnected and subscribed again", java.time.Duration.ofSeconds(20)) {
      fixture.subscribers("orders") == 1L
    }
    redis.withSession { publish("orders", "after") }

    assertThat(withRealTimeout { inbox.receive() }).isEqualTo("after")
    collecting.cancelAndJoin()
  }

  @Test
  fun `cancelling the collector closes the subscriber connection`() = runTest(timeout = 30.seconds) {
    val clientsBefore = fixture.connectedClients()
    val collecting = launch(Dispatchers.Default) { redis.subscribe("alerts").collect {} }
    eventually("the flow subscribed") { fixture.subscribers("alerts") == 1L }
    assertThat(fixture.connectedClients()).isEqualTo(clientsBefore + 1)

    collecting.cancelAndJoin()

    eventually("the server dropped the subscriber") {
      fixture.subscribers("alerts") == 0L && fixture.connectedClients() == clientsBefore
    }
  }

  @Test
  fun `conflate hands a slow collector only the newest message`() = runTest(timeout = 30.seconds) {
    val firstSeen = CompletableDeferred<Unit>()
    val release = CompletableDeferred<Unit>()
    val received = mutableListOf<String>()
    val collecting = launch(Dispatchers.Default) {
      redis.subscribe("ticks").conflate().collect {
        synchronized(received) { received += it.payload() }
        if (it.payload() == "t0") {
          firstSeen.complete(Unit)
          release.await()
        }
      }
    }
    eventually("the flow subscribed") { fixture.subscribers("ticks") == 1L }
    redis.withSession { publish("ticks", "t0") }
    withRealTimeout { firstSeen.await() }
    redis.withSession { (1..100).forEach { publish("ticks", "t$it") } }
    // A subscriber of ours on the same server receives them all once it has read its socket: wait for that.
    val probe = async(Dispatchers.Default) { redis.subscribe("ticks").first { it.payload() == "t100" } }
    eventually("the probe subscribed") { fixture.subscribers("ticks") == 2L }
    redis.withSession { publish("ticks", "t100") }
    withRealTimeout { probe.await() }
    release.complete(Unit)

    eventually("the newest message arrived") { synchronized(received) { received.last() == "t100" } }
    collecting.cancelAndJoin()
    assertThat(received.first()).isEqualTo("t0")
    assertThat(received.size).describedAs("older messages were dropped, got %s", received).isLessThan(50)
  }

  @Test
  fun `the flow completes when the data source is closed`() = runTest(timeout = 30.seconds) {
    val ds = fixture.newDataSource()
    val received = async(Dispatchers.Default) { ds.subscribe("shutdown").toList() }
    eventually("the flow subscribed") { fixture.subscribers("shutdown") == 1L }

    ds.close()

    assertThat(withRealTimeout { received.await() }).isEmpty()
  }

  @Test
  fun `pattern and shard subscriptions say how each message arrived`() = runTest(timeout = 30.seconds) {
    val byPattern = async(Dispatchers.Default) { redis.psubscribe("audit.*").first() }
    val byShard = async(Dispatchers.Default) { redis.ssubscribe("shard-a").first() }
    eventually("both flows subscribed") {
      fixture.raw { call("PUBSUB", "NUMPAT") } == 1L &&
        (fixture.raw { call("PUBSUB", "SHARDNUMSUB", "shard-a") } as List<*>)[1] == 1L
    }

    redis.withSession {
      publish("audit.login", "ada")
      spublish("shard-a", "slot")
    }

    val pattern: Message = withRealTimeout { byPattern.await() }
    assertThat(pattern.kind()).isEqualTo(MessageKind.PATTERN)
    assertThat(pattern.pattern()).isEqualTo("audit.*")
    assertThat(pattern.channel()).isEqualTo("audit.login")
    assertThat(pattern.payload()).isEqualTo("ada")
    val shard: Message = withRealTimeout { byShard.await() }
    assertThat(shard.kind()).isEqualTo(MessageKind.SHARD_CHANNEL)
    assertThat(shard.payload()).isEqualTo("slot")
  }

  @Test
  fun `subscribing to no channel fails when collected and names what is missing`() = runTest {
    assertThatThrownBy { kotlinx.coroutines.runBlocking { redis.subscribe().first() } }
      .isInstanceOf(IllegalArgumentException::class.java)
      .hasMessageContaining("channel")
  }
}

/** A timeout in real time: the test scheduler's virtual clock would expire at once while we wait on I/O. */
private suspend fun <T> withRealTimeout(block: suspend () -> T): T =
  withContext(Dispatchers.Default) { withTimeout(10.seconds) { block() } }
