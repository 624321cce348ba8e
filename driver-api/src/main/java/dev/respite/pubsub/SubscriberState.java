package dev.respite.pubsub;

/**
 * The state of a {@link RedisSubscriber}'s connection, as {@link RedisSubscriber#state()} reports it and
 * {@link MessageListener#onStateChange(SubscriberState, Throwable)} announces each change.
 */
public enum SubscriberState {
  /** Connected, and every subscription the subscriber holds was sent on this connection. */
  CONNECTED,
  /**
   * The connection was lost; the subscriber is connecting again, with a bounded backoff, and will then
   * subscribe to everything again. Messages published meanwhile are lost.
   */
  RECONNECTING,
  /** {@link RedisSubscriber#close()} was called, or the data source was closed. Final. */
  CLOSED
}
