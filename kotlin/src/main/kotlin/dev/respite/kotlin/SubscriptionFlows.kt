package dev.respite.kotlin

import dev.respite.RedisDataSource
import dev.respite.pubsub.Message
import dev.respite.pubsub.MessageListener
import dev.respite.pubsub.RedisSubscriber
import dev.respite.pubsub.SubscriberState
import kotlinx.coroutines.NonCancellable
import kotlinx.coroutines.channels.awaitClose
import kotlinx.coroutines.channels.trySendBlocking
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.callbackFlow
import kotlinx.coroutines.runInterruptible
import kotlinx.coroutines.withContext

/**
 * The messages published to [channels] (`SUBSCRIBE`), as a cold [Flow]: each collection opens a
 * [RedisSubscriber] on a connection of its own, subscribes, emits every message in the order the server
 * sent them, and closes the subscriber when the collector stops (cancelled, `take(n)`, `first()`, an
 * exception). The flow completes when the data source is closed.
 *
 * Like the Java subscriber it survives a lost connection (a server restart, a network failure): it connects
 * and subscribes again by itself; messages published meanwhile are lost, as Redis pub/sub delivers at most
 * once. Subscribing waits for the server's confirmation, so a message published after collection reached
 * the first emission, or after the server reports the subscription (`PUBSUB NUMSUB`), is delivered.
 *
 * **Buffer policy.** Messages wait in a buffer between the subscriber's reader thread and the collector:
 * by default that of [callbackFlow] (64 messages). When it is full the reader thread waits for the
 * collector, and messages then queue in the socket and in the server's output buffer for this client;
 * past `client-output-buffer-limit pubsub` the server drops the connection, and the subscriber reconnects.
 * Change the policy with the usual operators, applied right after this call: `buffer(10_000)` for a larger
 * buffer, `buffer(UNLIMITED)` never to hold the reader up, `conflate()` to keep only the newest message,
 * `buffer(n, DROP_OLDEST)` to keep the newest `n`.
 *
 * @throws IllegalArgumentException when collected, if no channel is given
 * @throws dev.respite.RedisConnectionException when collected, if the server cannot be reached at first
 */
public fun RedisDataSource.subscribe(vararg channels: String): Flow<Message> =
  subscription("channel", channels) { it.subscribe(*channels) }

/**
 * The messages published to channels matching the glob-style [patterns] (`PSUBSCRIBE`); each names the
 * [pattern][Message.pattern] it matched. Collection, reconnection and buffering are those of [subscribe].
 */
public fun RedisDataSource.psubscribe(vararg patterns: String): Flow<Message> =
  subscription("pattern", patterns) { it.psubscribe(*patterns) }

/**
 * The messages published with `SPUBLISH` to [shardChannels] (`SSUBSCRIBE`, Redis 7+). Collection,
 * reconnection and buffering are those of [subscribe].
 */
public fun RedisDataSource.ssubscribe(vararg shardChannels: String): Flow<Message> =
  subscription("shard channel", shardChannels) { it.ssubscribe(*shardChannels) }

private fun RedisDataSource.subscription(
  what: String,
  names: Array<out String>,
  subscribeTo: (RedisSubscriber) -> Unit,
): Flow<Message> = callbackFlow {
  require(names.isNotEmpty()) { "subscribe to at least one $what" }
  val listener = object : MessageListener {
    // On the reader thread: waiting here when the buffer is full is the back-pressure described above.
    override fun onMessage(message: Message) {
      trySendBlocking(message)
    }

    override fun onStateChange(state: SubscriberState, cause: Throwable?) {
      if (state == SubscriberState.CLOSED) channel.close()
    }
  }
  // Opening is bounded by connectTimeout and not interrupted, so that no subscriber is left unclosed.
  val subscriber = withContext(RedisDispatchers.sessions) { openSubscriber(listener) }
  try {
    withContext(RedisDispatchers.sessions) { runInterruptible { subscribeTo(subscriber) } }
    awaitClose()
  } finally {
    // close() waits briefly for the reader thread: not on the collector's dispatcher.
    withContext(NonCancellable + RedisDispatchers.sessions) { subscriber.close() }
  }
}
