package dev.respite.pubsub;

import org.jspecify.annotations.Nullable;

/**
 * Receives the messages of a {@link RedisSubscriber}, and optionally its connection's state changes. A
 * lambda implements it ({@code message -> ...} in Java, {@code { message -> ... }} in Kotlin); override
 * {@link #onStateChange} as well to observe reconnections.
 *
 * <p>Every call comes from the subscriber's reader thread, one at a time, in the order the server sent
 * the messages. Nothing is read from the connection while a call runs, so a slow listener holds up the
 * messages behind it: they wait in the socket and then in the server's output buffer for this client, and
 * when that exceeds {@code client-output-buffer-limit pubsub} the server closes the connection, the
 * subscriber reconnects, and what was buffered is lost. Hand slow work to an executor or a queue. A
 * listener that throws is logged and ignored: the next message is delivered as usual.
 *
 * <p>A listener may call the subscriber's methods, {@code subscribe} and {@code close} included; those
 * then return without waiting for the server's confirmation, which only the reader thread could read.
 */
@FunctionalInterface
public interface MessageListener {

  /** Called for each message, in the order received. */
  void onMessage(Message message);

  /**
   * Called when the subscriber's state changes: {@link SubscriberState#RECONNECTING} with the failure
   * that cost the connection, {@link SubscriberState#CONNECTED} once it is back and every subscription has
   * been confirmed again, and {@link SubscriberState#CLOSED} once, last of all. Does nothing by default.
   *
   * @param cause why the connection was lost, for {@code RECONNECTING}; null otherwise
   */
  default void onStateChange(SubscriberState state, @Nullable Throwable cause) {
  }
}
