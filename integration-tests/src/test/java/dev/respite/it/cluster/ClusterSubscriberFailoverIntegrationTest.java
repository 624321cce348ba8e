package dev.respite.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.respite.RedisDataSource;
import dev.respite.RedisException;
import dev.respite.RedisSession;
import dev.respite.pubsub.RedisSubscriber;
import dev.respite.pubsub.SubscriberState;
import dev.respite.spi.RedisListener;
import dev.respite.testsupport.LocalRedisCluster;
import dev.respite.testsupport.LocalRedisServer;
import dev.respite.testsupport.RawRedisClient;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A cluster subscriber's channels survive what moves them: a shard channel whose slot is given to another
 * primary ({@code CLUSTER SETSLOT ... NODE}, which makes the old owner unsubscribe it unasked), or moved while
 * its connection is lost (so that this {@code sunsubscribe} never arrives), a graceful
 * {@code CLUSTER FAILOVER} and the {@code kill -9} of the primary holding both the shard channel and the plain
 * channel. Each scenario publishes again and again (pub/sub is at-most-once: a message sent while the channel
 * moves is lost) until one arrives, and prints a {@code FIGURE} line. One cluster for the class, in order.
 */
@TestMethodOrder(OrderAnnotation.class)
class ClusterSubscriberFailoverIntegrationTest {
  private static final long RECEIVE_TIMEOUT_MILLIS = 20_000;

  private static LocalRedisCluster cluster;
  private static RedisDataSource dataSource;
  private static final AtomicLong reconnections = new AtomicLong();
  private static final List<String> figures = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() {
    cluster = LocalRedisCluster.start();
    dataSource = RedisDataSource.create(cluster.seedUrl() + "?connectTimeout=500ms&socketTimeout=1s");
    dataSource.addListener(new RedisListener() {
      @Override
      public void subscriberReconnecting(Throwable cause) {
        reconnections.incrementAndGet();
      }
    });
  }

  @AfterAll
  static void stop() {
    figures.forEach(System.out::println);
    if (dataSource != null) {
      dataSource.close();
    }
    cluster.close();
  }

  @Test
  @Order(1)
  void aShardChannelFollowsItsSlotMovedToAnotherPrimary() throws InterruptedException {
    subscribeThenMoveTheSlot("moving-orders", false);
  }

  /**
   * The server's own sunsubscribe is lost with the connection: the subscriber reconnects to the old owner, which
   * answers its SSUBSCRIBE with MOVED, or finds the slot moved in the map first.
   */
  @Test
  @Order(2)
  void aShardChannelWhoseConnectionIsLostAsItsSlotMovesReceivesAgain() throws InterruptedException {
    subscribeThenMoveTheSlot("moving-while-reconnecting", true);
  }

  private static void subscribeThenMoveTheSlot(String channel, boolean killConnectionsFirst)
      throws InterruptedException {
    int slot = ClusterKeys.slot(channel);
    LocalRedisServer from = cluster.ownerOf(slot);
    LocalRedisServer to = cluster.primaries().stream().filter(p -> !p.equals(from)).findFirst().orElseThrow();
    Listened listened = new Listened();
    try (RedisSubscriber subscriber = dataSource.openSubscriber(listened)) {
      subscriber.ssubscribe(channel);
      awaitReceived(listened, channel, RedisSession::spublish, "before the move");
      long reconnectionsBefore = reconnections.get();
      long moved = System.nanoTime();
      if (killConnectionsFirst) {
        try (RawRedisClient raw = new RawRedisClient(from.port())) {
          raw.call("CLIENT", "KILL", "TYPE", "pubsub");
        }
      }
      cluster.beginSlotMigration(slot, from, to);
      cluster.finishSlotMigration(slot, from, to);
      long received = awaitReceived(listened, channel, RedisSession::spublish, "after the move");
      figures.add("FIGURE shard channel moved by CLUSTER SETSLOT NODE" + (killConnectionsFirst
          ? " as its connection was killed" : "") + ": received again " + millis(received - moved)
          + " ms after the move began");
      assertThat(numsub(to, channel, "PUBSUB", "SHARDNUMSUB")).as("subscribed on the new owner").isEqualTo(1);
      assertThat(numsub(from, channel, "PUBSUB", "SHARDNUMSUB")).as("not on the old one").isZero();
      assertThat(subscriber.shardChannels()).containsExactly(channel);
      assertThat(reconnections.get()).as("subscriberReconnecting").isGreaterThan(reconnectionsBefore);
      awaitState(subscriber, SubscriberState.CONNECTED);
      assertThat(listened.states).containsSubsequence(SubscriberState.RECONNECTING, SubscriberState.CONNECTED);
    }
  }

  @Test
  @Order(3)
  void channelsAndShardChannelsReceiveAgainAfterAGracefulFailover() throws InterruptedException {
    Listened listened = new Listened();
    String plain = "failover-news";
    try (RedisSubscriber subscriber = subscriberOnAPrimary(listened, plain)) {
      LocalRedisServer primary = nodeOfSubscriber(plain);
      String shard = shardChannelOn(primary, "failover-shard");
      subscriber.ssubscribe(shard);
      awaitReceived(listened, shard, RedisSession::spublish, "before the failover");
      LocalRedisServer replica = cluster.replicaOf(primary);
      long started = System.nanoTime();
      cluster.failover(replica);
      long shardBack = awaitReceived(listened, shard, RedisSession::spublish, "shard channel after the failover");
      long plainBack = awaitReceived(listened, plain, RedisSession::publish, "channel after the failover");
      long onPromoted = numsub(replica, shard, "PUBSUB", "SHARDNUMSUB");
      long onFormer = numsub(primary, shard, "PUBSUB", "SHARDNUMSUB");
      figures.add("FIGURE graceful failover: shard channel received again " + millis(shardBack - started)
          + " ms, channel " + millis(plainBack - started) + " ms after CLUSTER FAILOVER was sent; the shard"
          + " channel's subscription is on the promoted replica " + onPromoted + ", on the former primary "
          + onFormer);
      // The former primary, now a replica of the same shard, hears SPUBLISH too: the server keeps it subscribed.
      assertThat(onPromoted + onFormer).as("subscribed once in its shard").isEqualTo(1);
      awaitState(subscriber, SubscriberState.CONNECTED);
    }
  }

  @Test
  @Order(4)
  void channelsAndShardChannelsReceiveAgainAfterTheirPrimaryIsKilled() throws InterruptedException {
    Listened listened = new Listened();
    String plain = "kill-news";
    try (RedisSubscriber subscriber = subscriberOnAPrimary(listened, plain)) {
      LocalRedisServer victim = nodeOfSubscriber(plain);
      assertThat(cluster.primaries()).as("the subscriber's node is a primary").contains(victim);
      String shard = shardChannelOn(victim, "kill-shard");
      subscriber.ssubscribe(shard);
      subscriber.psubscribe("kill-pattern-*");
      awaitReceived(listened, shard, RedisSession::spublish, "before the kill");
      long killed = System.nanoTime();
      LocalRedisServer replica = cluster.killPrimary(victim);
      long plainBack = awaitReceived(listened, plain, RedisSession::publish, "channel after the kill");
      long promoted = awaitRole(replica, "master");
      long shardBack = awaitReceived(listened, shard, RedisSession::spublish, "shard channel after the kill");
      awaitReceived(listened, "kill-pattern-1", RedisSession::publish, "pattern after the kill");
      figures.add("FIGURE kill -9: channel received again " + millis(plainBack - killed) + " ms after the kill;"
          + " replica promoted " + millis(promoted - killed) + " ms after it, shard channel received again "
          + millis(shardBack - promoted) + " ms after the promotion");
      assertThat(subscriber.channels()).containsExactly(plain);
      assertThat(subscriber.shardChannels()).containsExactly(shard);
      assertThat(numsub(replica, shard, "PUBSUB", "SHARDNUMSUB")).as("on the promoted replica").isEqualTo(1);
      awaitState(subscriber, SubscriberState.CONNECTED);
    }
  }

  /** Publishes a new payload on {@code channel} every 50 ms until one arrives; returns when (nanoTime). */
  private static long awaitReceived(Listened listened, String channel,
      PublishCall publish, String when) throws InterruptedException {
    String payload = when + "-" + System.nanoTime();
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RECEIVE_TIMEOUT_MILLIS);
    AtomicInteger attempts = new AtomicInteger();
    try (RedisSession session = dataSource.openSession()) {
      while (System.nanoTime() < deadline) {
        String sent = payload + "#" + attempts.incrementAndGet();
        try {
          publish.apply(session, channel, sent);
        } catch (RedisException e) {
          // its node is down or moving: publish again
        }
        String message = listened.messages.poll(50, TimeUnit.MILLISECONDS);
        while (message != null) {
          if (message.startsWith(channel + "=" + payload)) {
            return System.nanoTime();
          }
          message = listened.messages.poll();
        }
      }
    }
    throw new AssertionError(channel + " received nothing " + when + " within " + RECEIVE_TIMEOUT_MILLIS
        + " ms of publishing; cluster: " + cluster.describe());
  }

  /**
   * A subscriber of {@code channel} whose channels live on a primary. Just after a failover the data source's map
   * may still name the former primary, now a replica, which hears every {@code PUBLISH} too and is a fine place
   * for them; but this test needs a primary to kill, and the next subscriber takes the next primary of the map.
   */
  private static RedisSubscriber subscriberOnAPrimary(Listened listened, String channel)
      throws InterruptedException {
    for (int attempt = 1;; attempt++) {
      RedisSubscriber subscriber = dataSource.openSubscriber(listened);
      subscriber.subscribe(channel);
      LocalRedisServer node = nodeOfSubscriber(channel);
      if (cluster.primaries().contains(node) || attempt == 6) {
        return subscriber;
      }
      subscriber.close();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
      while (numsub(node, channel, "PUBSUB", "NUMSUB") != 0 && System.nanoTime() < deadline) {
        Thread.sleep(10); // the server forgets a closed connection's subscriptions a little later
      }
    }
  }

  /** The node where the subscriber's channels live: the one that counts a subscriber of {@code channel}. */
  private static LocalRedisServer nodeOfSubscriber(String channel) {
    List<LocalRedisServer> holding = cluster.nodes().stream()
        .filter(node -> numsub(node, channel, "PUBSUB", "NUMSUB") == 1).toList();
    assertThat(holding).as("nodes with a subscriber of %s", channel).hasSize(1);
    return holding.get(0);
  }

  /** A shard channel named {@code prefix...} whose slot {@code node} owns. */
  private static String shardChannelOn(LocalRedisServer node, String prefix) {
    int slot = cluster.topology().stream().filter(view -> view.port() == node.port()).findFirst().orElseThrow()
        .slots().get(0).first();
    return ClusterKeys.keyInSlot(prefix, slot);
  }

  /** {@code PUBSUB NUMSUB}/{@code SHARDNUMSUB} of one channel on one node (counts that node's clients only). */
  private static long numsub(LocalRedisServer node, String channel, String... command) {
    try (RawRedisClient raw = new RawRedisClient(node.port())) {
      List<?> reply = (List<?>) raw.call(command[0], command[1], channel);
      return Long.parseLong(String.valueOf(reply.get(1)));
    }
  }

  private static long awaitRole(LocalRedisServer node, String role) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RECEIVE_TIMEOUT_MILLIS);
    while (true) {
      try (RawRedisClient raw = new RawRedisClient(node.port())) {
        if (String.valueOf(((List<?>) raw.call("ROLE")).get(0)).equals(role)) {
          return System.nanoTime();
        }
      }
      assertThat(System.nanoTime()).as("%s to become %s", node, role).isLessThan(deadline);
      Thread.sleep(5);
    }
  }

  private static void awaitState(RedisSubscriber subscriber, SubscriberState state) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (subscriber.state() != state && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(subscriber.state()).isEqualTo(state);
  }

  private static long millis(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(nanos);
  }

  @FunctionalInterface
  private interface PublishCall {
    long apply(RedisSession session, String channel, String payload);
  }

  /** What one subscriber's listener heard: messages as {@code channel=payload}, and its state changes. */
  private static final class Listened implements dev.respite.pubsub.MessageListener {
    final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    final List<SubscriberState> states = new CopyOnWriteArrayList<>();

    @Override
    public void onMessage(dev.respite.pubsub.Message message) {
      messages.add(message.channel() + "=" + message.payload());
    }

    @Override
    public void onStateChange(SubscriberState state, Throwable cause) {
      states.add(state);
    }
  }
}
