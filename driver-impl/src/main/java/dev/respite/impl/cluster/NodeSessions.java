package dev.respite.impl.cluster;

import dev.respite.impl.cluster.ClusterRoute.Target;
import dev.respite.impl.session.RealRedisSession;
import dev.respite.impl.topology.NodeAddress;
import dev.respite.impl.topology.NodePools;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The single-node sessions one cluster session uses: at most one per node (and one per replica read through
 * its {@code READONLY} pool), each borrowed from its node's pool on first use and all returned by
 * {@link #close()}. Used by one thread at a time, like its session.
 *
 * <p>The first target's session is kept in fields and the others in a map made only when a second target is
 * used: a session per command, the common shape, then costs no map.
 */
final class NodeSessions {
  private final NodePools pools;
  private final NodePools readerPools;
  private @Nullable Target firstTarget;
  private @Nullable RealRedisSession first;
  private @Nullable Map<Target, RealRedisSession> others;

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
    RealRedisSession session = held(target);
    if (session != null) {
      if (session.isPinned()) {
        return session;
      }
      forget(target);
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
    hold(target, opened);
    return opened;
  }

  /**
   * Drops the target's session if a failure destroyed its connection.
   *
   * @return whether it did: the node may be gone
   */
  boolean dropIfBroken(Target target) {
    RealRedisSession session = held(target);
    if (session != null && !session.isPinned()) {
      forget(target);
      session.close();
      return true;
    }
    return false;
  }

  /** Sends {@code UNWATCH} where keys are watched. */
  void releaseWatches() {
    if (first != null && firstTarget != null && !firstTarget.reader() && first.isPinned()) {
      first.releaseWatches();
    }
    if (others != null) {
      others.forEach((target, session) -> {
        if (!target.reader() && session.isPinned()) {
          session.releaseWatches();
        }
      });
    }
  }

  /** The primaries' nodes in use, for {@code toString()}. */
  Set<NodeAddress> nodes() {
    Set<NodeAddress> nodes = new LinkedHashSet<>();
    if (firstTarget != null && !firstTarget.reader()) {
      nodes.add(firstTarget.node());
    }
    if (others != null) {
      others.keySet().stream().filter(target -> !target.reader()).forEach(target -> nodes.add(target.node()));
    }
    return nodes;
  }

  /** Returns every connection; never throws. */
  void close() {
    RealRedisSession session = first;
    first = null;
    firstTarget = null;
    if (session != null) {
      session.close();
    }
    Map<Target, RealRedisSession> more = others;
    others = null;
    if (more != null) {
      more.values().forEach(RealRedisSession::close);
    }
  }

  private @Nullable RealRedisSession held(Target target) {
    if (target.equals(firstTarget)) {
      return first;
    }
    return others == null ? null : others.get(target);
  }

  private void hold(Target target, RealRedisSession session) {
    if (first == null) {
      firstTarget = target;
      first = session;
      return;
    }
    Map<Target, RealRedisSession> more = others;
    if (more == null) {
      more = new LinkedHashMap<>(4);
      others = more;
    }
    more.put(target, session);
  }

  private void forget(Target target) {
    if (target.equals(firstTarget)) {
      firstTarget = null;
      first = null;
    } else if (others != null) {
      others.remove(target);
    }
  }
}
