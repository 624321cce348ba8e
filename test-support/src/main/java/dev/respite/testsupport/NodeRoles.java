package dev.respite.testsupport;

import java.util.List;

/** A node's replication role as {@code ROLE} reports it, shared by the Sentinel and cluster fixtures. */
final class NodeRoles {

  private NodeRoles() {}

  /** {@code master}, {@code slave} or {@code sentinel}. */
  static String role(int port) {
    return (String) ((List<?>) AdminCommands.require(port, "ROLE")).get(0);
  }

  /** Whether the node on {@code port} is a replica of {@code primaryPort} with its link up. */
  static boolean replicatesFrom(int port, int primaryPort) {
    List<?> role = (List<?>) AdminCommands.require(port, "ROLE");
    // A replica's ROLE: slave, primary host, primary port, link state, replication offset.
    return role.get(0).equals("slave")
        && ((Long) role.get(2)) == primaryPort
        && role.get(3).equals("connected");
  }
}
