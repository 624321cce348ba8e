package dev.respite.impl.pubsub;

import dev.respite.RedisConfig;
import dev.respite.RedisException;
import dev.respite.RedisServerException;
import dev.respite.impl.connection.Connector;
import dev.respite.impl.connection.RedisConnection;
import dev.respite.impl.event.Listeners;
import dev.respite.pubsub.Message;
import dev.respite.pubsub.MessageKind;
import dev.respite.pubsub.MessageListener;
import dev.respite.pubsub.RedisSubscriber;
import dev.respite.pubsub.SubscriberState;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A {@link RedisSubscriber}: its {@link SubscriberConnection} (what is subscribed, on which connection),
 * a daemon {@link SubscriberReader} thread that reads and delivers, a keep-alive, and the listener. The
 * listener is called from the reader thread only, and never under a lock, so it may call back in.
 */
public final class RealRedisSubscriber implements RedisSubscriber {
  private static final System.Logger LOG = System.getLogger(RealRedisSubscriber.class.getName());
  private static final AtomicInteger NUMBER = new AtomicInteger();

  private final String name = "respite-subscriber-" + NUMBER.incrementAndGet();
  private final RedisConfig config;
  private final MessageListener listener;
  private final Listeners events;
  private final Consumer<RealRedisSubscriber> onClose;
  private final ShardChannelLoss loss;
  private final SubscriberConnection link;
  private final Thread thread;
  private @Nullable ScheduledFuture<?> keepAlive;
  private volatile SubscriberState state = SubscriberState.CONNECTED;

  private RealRedisSubscriber(Connector connector, MessageListener listener, Listeners events,
      RedisConnection connection, Duration pingInterval, Consumer<RealRedisSubscriber> onClose,
      ShardChannelLoss loss) {
    this.config = connector.config();
    this.listener = new SafeMessageListener(listener, name);
    this.events = events;
    this.onClose = onClose;
    this.loss = loss;
    this.link = new SubscriberConnection(name, connection);
    this.thread = new Thread(new SubscriberReader(this, link, connector, connection, pingInterval), name);
    thread.setDaemon(true);
  }

  /** As {@link #open(Connector, MessageListener, Listeners, Consumer, ShardChannelLoss)}, for a single server. */
  public static RealRedisSubscriber open(Connector connector, MessageListener listener, Listeners events,
      Consumer<RealRedisSubscriber> onClose) {
    return open(connector, listener, events, onClose, ShardChannelLoss.NONE);
  }

  /**
   * Connects with {@code config} (host, credentials, client name, protocol, timeouts, ping interval), then
   * starts the reader thread, {@code respite-subscriber-N}, and the keep-alive.
   *
   * @param events the data source's listeners, told of each message delivered and each reconnection
   * @param onClose called once, when the subscriber is closed
   * @param loss told of shard channels the server stopped delivering unasked (Redis Cluster)
   * @throws dev.respite.RedisConnectionException if the server cannot be reached
   * @throws RedisServerException if the server refuses the handshake
   */
  public static RealRedisSubscriber open(Connector connector, MessageListener listener, Listeners events,
      Consumer<RealRedisSubscriber> onClose, ShardChannelLoss loss) {
    Objects.requireNonNull(listener, "listener");
    // A read that waits longer than this plus socketTimeout means the connection is dead.
    RedisConfig config = connector.config();
    Duration pingInterval = config.subscriberPingInterval();
    RedisConnection connection = connector.open();
    RealRedisSubscriber subscriber;
    try {
      SubscriberReader.prepare(connection, config, pingInterval);
      subscriber = new RealRedisSubscriber(connector, listener, events, connection, pingInterval, onClose,
          loss);
    } catch (IOException | RuntimeException e) {
      connection.close();
      throw new RedisException("Could not start a subscriber on " + connection.address() + ": " + e, e);
    }
    // Before the thread starts, so that a close() from the listener sees the timer to cancel.
    subscriber.keepAlive = KeepAlive.every(pingInterval, subscriber.link::ping);
    subscriber.thread.start();
    return subscriber;
  }

  @Override
  public void subscribe(String... channels) {
    change(MessageKind.CHANNEL, true, channels);
  }

  @Override
  public void psubscribe(String... patterns) {
    change(MessageKind.PATTERN, true, patterns);
  }

  @Override
  public void ssubscribe(String... shardChannels) {
    change(MessageKind.SHARD_CHANNEL, true, shardChannels);
  }

  @Override
  public void unsubscribe(String... channels) {
    change(MessageKind.CHANNEL, false, channels);
  }

  @Override
  public void punsubscribe(String... patterns) {
    change(MessageKind.PATTERN, false, patterns);
  }

  @Override
  public void sunsubscribe(String... shardChannels) {
    change(MessageKind.SHARD_CHANNEL, false, shardChannels);
  }

  private void change(MessageKind kind, boolean subscribe, String[] names) {
    String command = (subscribe ? Subscriptions.subscribeCommand(kind) : Subscriptions.unsubscribeCommand(kind))
        .name();
    Objects.requireNonNull(names, "names");
    for (String name : names) {
      Objects.requireNonNull(name, () -> command + " was given a null name");
    }
    if (subscribe && names.length == 0) {
      throw new IllegalArgumentException(command + " needs at least one name");
    }
    Confirmation confirmation = link.change(kind, subscribe, names);
    if (confirmation == null || Thread.currentThread() == thread) {
      return; // nothing to wait for, or called by the listener: only this thread could read the confirmation
    }
    try {
      confirmation.await(config.socketTimeout().toMillis(), command);
    } catch (RedisServerException e) {
      if (subscribe) {
        link.forget(kind, names);
      }
      throw e;
    }
  }

  @Override
  public Set<String> channels() {
    return link.snapshot(MessageKind.CHANNEL);
  }

  @Override
  public Set<String> patterns() {
    return link.snapshot(MessageKind.PATTERN);
  }

  @Override
  public Set<String> shardChannels() {
    return link.snapshot(MessageKind.SHARD_CHANNEL);
  }

  @Override
  public SubscriberState state() {
    return state;
  }

  /**
   * Drops the connection so that the reader connects again and renews every subscription: after a Sentinel
   * switch, the old primary would still deliver what the new one publishes only as long as it replicates.
   */
  public void reconnect() {
    link.dropConnection();
  }

  @Override
  public void close() {
    if (!link.close()) {
      return;
    }
    state = SubscriberState.CLOSED;
    ScheduledFuture<?> timer = keepAlive;
    if (timer != null) {
      timer.cancel(false);
    }
    if (Thread.currentThread() != thread) {
      awaitReader();
    }
    onClose.accept(this);
  }

  private void awaitReader() {
    // The reader may be connecting (connectTimeout, then the handshake's socketTimeout) or in the listener.
    long millis = config.connectTimeout().toMillis() + config.socketTimeout().toMillis() + 1_000;
    try {
      thread.join(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (thread.isAlive()) {
      LOG.log(Level.WARNING, () -> name + " did not stop within " + millis + " ms of close(); it stops once"
          + " the listener returns");
    }
  }

  // ---- called by the reader thread ----

  /** {@code respite-subscriber-N}: the thread's name, used in log messages. */
  String name() {
    return name;
  }

  /** Whether {@link #close()} was called; the reader then stops at the next failure it sees. */
  boolean isClosed() {
    return !link.isOpen();
  }

  /** Hands a message to the listener, unless closed. */
  void deliver(Message message) {
    if (!isClosed()) {
      long start = events.startTime();
      listener.onMessage(message);
      if (start != 0) {
        events.subscriberMessageDelivered(System.nanoTime() - start);
      }
    }
  }

  /** The server unsubscribed {@code shardChannel} itself (already forgotten): tells the owner, unless closed. */
  void shardChannelDropped(String shardChannel) {
    if (!isClosed()) {
      LOG.log(Level.DEBUG, () -> name + ": the server unsubscribed shard channel " + shardChannel + " itself");
      tellOwner(() -> loss.dropped(shardChannel));
    }
  }

  /** After a reconnection the server refused to subscribe again: tells the owner, unless closed. */
  void resubscribeRefused(RedisServerException cause) {
    if (!isClosed()) {
      tellOwner(() -> loss.resubscribeRefused(cause));
    }
  }

  private void tellOwner(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, name + ": the owner of this subscriber threw; ignored", e);
    }
  }

  /** Records and announces a state change; after close, only the final {@code CLOSED}. */
  void changeState(SubscriberState next, @Nullable Throwable cause) {
    if (isClosed() && next != SubscriberState.CLOSED) {
      return;
    }
    state = next;
    if (next == SubscriberState.RECONNECTING && cause != null) {
      events.subscriberReconnecting(cause);
    }
    listener.onStateChange(next, cause);
  }

  /** Name, server, state and how many subscriptions of each kind; never credentials. */
  @Override
  public String toString() {
    return "RedisSubscriber[" + name + ", " + config.host() + ":" + config.port() + ", " + state
        + ", channels=" + link.size(MessageKind.CHANNEL) + ", patterns=" + link.size(MessageKind.PATTERN)
        + ", shardChannels=" + link.size(MessageKind.SHARD_CHANNEL) + "]";
  }
}
