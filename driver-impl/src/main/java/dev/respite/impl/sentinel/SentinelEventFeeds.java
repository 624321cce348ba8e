package dev.respite.impl.sentinel;

import dev.respite.impl.connection.Connector;
import dev.respite.impl.event.Listeners;
import dev.respite.impl.pubsub.RealRedisSubscriber;
import dev.respite.impl.topology.NodeAddress;
import dev.respite.pubsub.Message;
import dev.respite.pubsub.MessageListener;
import dev.respite.pubsub.SubscriberState;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * A subscription to the event channels of every known sentinel ({@link SentinelEvent#CHANNELS}). Each is a
 * {@link RealRedisSubscriber}, which reconnects with backoff by itself; a renewed subscription is reported,
 * because an event may have been published while it was lost. A sentinel that cannot be reached now is tried
 * again at the next {@link #ensure}. Used from the watch's thread only.
 */
final class SentinelEventFeeds implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(SentinelEventFeeds.class.getName());

  private final Connector connector;
  private final String masterName;
  private final BiConsumer<NodeAddress, SentinelEvent> events;
  private final Runnable renewed;
  private final Map<NodeAddress, RealRedisSubscriber> feeds = new HashMap<>();

  SentinelEventFeeds(Connector connector, String masterName, BiConsumer<NodeAddress, SentinelEvent> events,
      Runnable renewed) {
    this.connector = connector;
    this.masterName = masterName;
    this.events = events;
    this.renewed = renewed;
  }

  /** Subscribes on every sentinel of {@code sentinels} that has no subscription yet. */
  void ensure(List<NodeAddress> sentinels) {
    for (NodeAddress sentinel : sentinels) {
      if (!feeds.containsKey(sentinel)) {
        try {
          feeds.put(sentinel, open(sentinel));
        } catch (RuntimeException e) {
          LOG.log(Level.DEBUG, () -> "Could not subscribe to the events of sentinel " + sentinel + " yet: "
              + e.getMessage());
        }
      }
    }
  }

  private RealRedisSubscriber open(NodeAddress sentinel) {
    Connector to = connector.withConfig(NodeConfigs.sentinel(connector.config(), sentinel));
    Listeners quiet = new Listeners("sentinel-" + sentinel, sentinel.toString(), Duration.ZERO);
    RealRedisSubscriber subscriber = RealRedisSubscriber.open(to, new Feed(sentinel), quiet, closed -> { });
    try {
      subscriber.subscribe(SentinelEvent.CHANNELS.toArray(String[]::new));
    } catch (RuntimeException e) {
      subscriber.close();
      throw e;
    }
    return subscriber;
  }

  @Override
  public void close() {
    feeds.values().forEach(RealRedisSubscriber::close);
    feeds.clear();
  }

  /** Turns a sentinel's messages into events; a reconnection into a request to ask again. */
  private final class Feed implements MessageListener {
    private final NodeAddress sentinel;
    private volatile boolean lost;

    Feed(NodeAddress sentinel) {
      this.sentinel = sentinel;
    }

    @Override
    public void onMessage(Message message) {
      SentinelEvent event = SentinelEvent.parse(masterName, message.channel(), message.payload());
      if (event.kind() != SentinelEvent.Kind.IGNORED) {
        events.accept(sentinel, event);
      }
    }

    @Override
    public void onStateChange(SubscriberState state, @Nullable Throwable cause) {
      if (state == SubscriberState.RECONNECTING) {
        lost = true;
      } else if (state == SubscriberState.CONNECTED && lost) {
        lost = false;
        renewed.run();
      }
    }
  }
}
