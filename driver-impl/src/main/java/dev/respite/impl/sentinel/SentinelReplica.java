package dev.respite.impl.sentinel;

import dev.respite.impl.topology.NodeAddress;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A replica as one entry of {@code SENTINEL REPLICAS <name>} describes it.
 *
 * @param address where it listens ({@code ip}, {@code port})
 * @param flags such as {@code slave}, {@code s_down}, {@code disconnected}
 * @param primaryLinkUp whether its {@code master-link-status} is {@code ok}
 * @param primary the primary it replicates from ({@code master-host}, {@code master-port}), null if unknown
 * @param priority its {@code slave-priority}: 0 means never promoted; lower is promoted first
 * @param replicationOffset its {@code slave-repl-offset}, 0 if not reported
 */
public record SentinelReplica(NodeAddress address, Set<String> flags, boolean primaryLinkUp,
    @Nullable NodeAddress primary, int priority, long replicationOffset) {

  public SentinelReplica {
    flags = Set.copyOf(flags);
  }

  /** Whether the sentinel sees it up, connected and linked to its primary: a candidate for reads. */
  public boolean isAvailable() {
    return SentinelFlags.available(flags) && primaryLinkUp;
  }
}
