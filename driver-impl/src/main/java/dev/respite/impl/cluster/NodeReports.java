package dev.respite.impl.cluster;

import dev.respite.RedisServerException;
import dev.respite.impl.pubsub.ShardChannelLoss;
import dev.respite.impl.topology.NodeAddress;
import dev.respite.pubsub.Message;
import dev.respite.pubsub.MessageListener;
import dev.respite.pubsub.SubscriberState;
import java.util.Queue;
import org.jspecify.annotations.Nullable;

/**
 * What the subscriber of one node's shard channels reports: messages and state changes go to the caller's
 * listener (but {@code CLOSED}: the cluster subscriber says it last); channels the node dropped, a refused
 * resubscription and a lost connection are queued for {@link ShardSubscriptions}, whose thread is woken. Runs
 * on the node subscriber's reader thread, so it takes no lock.
 */
final class NodeReports implements MessageListener, ShardChannelLoss {
  /** A shard channel a node dropped unasked, or null: every channel it held (it refused to subscribe again). */
  record Loss(NodeAddress node, @Nullable String channel) {
  }

  private final NodeAddress node;
  private final MessageListener listener;
  private final Queue<Loss> losses;
  private final Runnable wake;

  NodeReports(NodeAddress node, MessageListener listener, Queue<Loss> losses, Runnable wake) {
    this.node = node;
    this.listener = listener;
    this.losses = losses;
    this.wake = wake;
  }

  @Override
  public void onMessage(Message message) {
    listener.onMessage(message);
  }

  @Override
  public void onStateChange(SubscriberState state, @Nullable Throwable cause) {
    if (state == SubscriberState.CLOSED) {
      return;
    }
    listener.onStateChange(state, cause);
    if (state == SubscriberState.RECONNECTING) {
      wake.run(); // the node may be dead: once the map names another owner, its channels move there
    }
  }

  @Override
  public void dropped(String shardChannel) {
    losses.add(new Loss(node, shardChannel));
    wake.run();
  }

  @Override
  public void resubscribeRefused(RedisServerException cause) {
    losses.add(new Loss(node, null));
    wake.run();
  }
}
