package dev.respite.impl.sentinel;

import dev.respite.impl.topology.NodeAddress;

/**
 * The questions the {@link PrimaryWatch} asks over the network, behind an interface so that its state
 * machine can be tested with canned answers. Each call is bounded by {@code connectTimeout} and
 * {@code socketTimeout}.
 */
interface TopologyProbe {

  /**
   * Asks {@code sentinel} for the primary, replicas and other sentinels of the watched master name.
   *
   * @throws RuntimeException saying why the sentinel could not answer (never with a password in it)
   */
  SentinelAnswer ask(NodeAddress sentinel);

  /**
   * The first element of {@code ROLE} on {@code node}: {@code master}, {@code slave} or {@code sentinel}.
   *
   * @throws RuntimeException if the node cannot be reached or refuses
   */
  String role(NodeAddress node);
}
