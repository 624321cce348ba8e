package dev.respite.impl.cluster;

import dev.respite.impl.cluster.ClusterRoute.Target;
import dev.respite.impl.session.RealRedisSession;
import dev.respite.impl.topology.NodeAddress;
import dev.respite.impl.topology.NodePools;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The single-node sessions one cluster session uses: at most one per node (and one per replica read through
 * its {@code READONLY} pool), each borrowed from its node's pool on first use and all returned by
 * {@link #close()}. Used by one thread at a time, like its session.
 */
final class NodeSessions {
  private final NodePools pools;
  private final NodePools readerPools;
  private final Map<NodeAddress, RealRedisSession> primaries = new HashMap<>(4);
  private final Map<NodeAddress, RealRedisSession> readers = new HashMap<>(2);

  NodeSessions(NodePools pools, NodePools readerPools) {
    this.pools = pools;
    this.readerPools = readerPools;
  }

  /**
   * The session on the target, opened now if needed and its connection checked, so that a node that cannot be
   * reached fails here, before anything was sent.
   *
   * @throws dev.respite.RedisConnectionException if the node cannot be reached (nothing was sent)
   */
  RealRedisSession on(Target target) {
    Map<NodeAddress, RealRedisSession> map = target.reader() ? readers : primaries;
    RealRedisSession session = map.get(target.node());
    if (session != null) {
      if (session.isPinned()) {
        return session;
      }
      map.remove(target.node());
      session.close();
    }
    RealRedisSession opened = RealRedisSession.open(
        (target.reader() ? readerPools : pools).pool(target.node()), 0);
    try {
      opened.select(0); // database 0 already: sends nothing, but checks the lent connection
    } catch (RuntimeException e) {
      opened.close();
      throw e;
    }
    map.put(target.node(), opened);
    return opened;
  }

  /**
   * Drops the target's session if a failure destroyed its connection.
   *
   * @return whether it did: the node may be gone
   */
  boolean dropIfBroken(Target target) {
    Map<NodeAddress, RealRedisSession> map = target.reader() ? readers : primaries;
    RealRedisSession session = map.get(target.node());
    if (session != null && !session.isPinned()) {
      map.remove(target.node());
      session.close();
      return true;
    }
    return false;
  }

  /** Sends {@code UNWATCH} where keys are watched. */
  void releaseWatches() {
    for (RealRedisSession session : primaries.values()) {
      if (session.isPinned()) {
        session.releaseWatches();
      }
    }
  }

  /** The primaries' nodes in use, for {@code toString()}. */
  Set<NodeAddress> nodes() {
    return primaries.keySet();
  }

  /** Returns every connection; never throws. */
  void close() {
    primaries.values().forEach(RealRedisSession::close);
    readers.values().forEach(RealRedisSession::close);
    primaries.clear();
    readers.clear();
  }
}
