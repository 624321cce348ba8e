package dev.respite.impl.sentinel;

import dev.respite.impl.topology.NodeAddress;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Another sentinel as one entry of {@code SENTINEL SENTINELS <name>} describes it: one more sentinel to ask and to
 * subscribe to.
 *
 * @param address where it listens ({@code ip}, {@code port})
 * @param runId its {@code runid}, null if not reported
 * @param flags such as {@code sentinel}, {@code s_down}, {@code disconnected}
 */
public record SentinelPeer(NodeAddress address, @Nullable String runId, Set<String> flags) {

  public SentinelPeer {
    flags = Set.copyOf(flags);
  }

  /** Whether the sentinel that answered sees it up and connected. */
  public boolean isAvailable() {
    return SentinelFlags.available(flags);
  }
}
