package dev.respite.impl.sentinel;

import dev.respite.impl.topology.NodeAddress;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one sentinel said when asked about the watched master name.
 *
 * @param primary the primary it names, null if it does not know the name
 * @param replicas its {@code SENTINEL REPLICAS}
 * @param sentinels its {@code SENTINEL SENTINELS}: the other sentinels it knows
 */
record SentinelAnswer(@Nullable NodeAddress primary, List<SentinelReplica> replicas, List<SentinelPeer> sentinels) {

  SentinelAnswer {
    replicas = List.copyOf(replicas);
    sentinels = List.copyOf(sentinels);
  }
}
