package dev.respite.impl.pubsub;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The confirmations a subscriber waits for: those whose {@code PING} was sent on the current connection,
 * in the order sent (the order the server answers in), and those waiting for a new connection. Not
 * thread-safe: the subscriber's lock guards it, the same lock under which the commands are written, so
 * that the queue's order is the wire's order.
 */
final class PendingConfirmations {
  private final ArrayDeque<Confirmation> sent = new ArrayDeque<>();
  private final List<Confirmation> awaitingConnection = new ArrayList<>();

  /** Its PING was just written on the current connection. */
  void sent(Confirmation confirmation) {
    sent.add(confirmation);
  }

  /** No connection now: it completes with the re-subscription of the next one. */
  void awaitConnection(Confirmation confirmation) {
    awaitingConnection.add(confirmation);
  }

  /** The oldest sent, which the next reply answers; null if none. */
  @Nullable Confirmation oldest() {
    return sent.peek();
  }

  /** Removes and returns the oldest sent; null if none. */
  @Nullable Confirmation removeOldest() {
    return sent.poll();
  }

  /** The connection is gone: what was sent on it waits for the next one. */
  void connectionLost() {
    awaitingConnection.addAll(sent);
    sent.clear();
  }

  /**
   * A new connection was subscribed to everything, confirmed by {@code renewed}: everything waiting for
   * a connection completes with it.
   */
  void connectionRenewed(Confirmation renewed) {
    sent.add(renewed);
    awaitingConnection.forEach(waiting -> waiting.follow(renewed));
    awaitingConnection.clear();
  }

  /** Removes and returns everything, for closing. */
  List<Confirmation> removeAll() {
    List<Confirmation> all = new ArrayList<>(sent);
    all.addAll(awaitingConnection);
    sent.clear();
    awaitingConnection.clear();
    return all;
  }
}
