package dev.respite.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.respite.pubsub.Message;
import dev.respite.pubsub.MessageListener;
import dev.respite.pubsub.SubscriberState;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/** A pub/sub listener that queues what it receives, for tests to take with a bounded wait. */
final class RecordingMessageListener implements MessageListener {
  private static final long WAIT_SECONDS = 10;

  final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
  final BlockingQueue<SubscriberState> states = new LinkedBlockingQueue<>();
  /** The cause given with each {@code RECONNECTING}. */
  final BlockingQueue<Throwable> reconnectCauses = new LinkedBlockingQueue<>();
  final List<String> threadNames = new ArrayList<>();

  @Override
  public void onMessage(Message message) {
    synchronized (threadNames) {
      threadNames.add(Thread.currentThread().getName());
    }
    messages.add(message);
  }

  @Override
  public void onStateChange(SubscriberState state, @Nullable Throwable cause) {
    if (state == SubscriberState.RECONNECTING && cause != null) {
      reconnectCauses.add(cause);
    }
    states.add(state);
  }

  /** The next message, waiting at most 10 s; fails the test if none comes. */
  Message next() {
    Message message = poll(messages, WAIT_SECONDS);
    assertThat(message).as("a message within %d s", WAIT_SECONDS).isNotNull();
    return message;
  }

  /** The payloads of the next {@code count} messages. */
  List<String> nextPayloads(int count) {
    List<String> payloads = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      payloads.add(next().payload());
    }
    return payloads;
  }

  /** Waits (at most 10 s) until the subscriber reports {@code expected}, skipping other states. */
  void awaitState(SubscriberState expected) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (System.nanoTime() < deadline) {
      SubscriberState state = poll(states, 1);
      if (state == expected) {
        return;
      }
    }
    throw new AssertionError("the subscriber did not report " + expected + " within " + WAIT_SECONDS + " s");
  }

  private static <T> @Nullable T poll(BlockingQueue<T> queue, long seconds) {
    try {
      return queue.poll(seconds, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
