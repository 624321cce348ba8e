package dev.respite.testsupport;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the nodes of a {@link LocalRedisCluster} say about the cluster, asked afresh each time. */
final class ClusterQueries {

  private final List<LocalRedisServer> nodes;

  ClusterQueries(List<LocalRedisServer> nodes) {
    this.nodes = nodes;
  }

  LocalRedisServer runningNode() {
    return nodes.stream().filter(LocalRedisServer::isRunning).findFirst()
        .orElseThrow(() -> new IllegalStateException("no cluster node is running"));
  }

  LocalRedisServer nodeOnPort(int port) {
    return nodes.stream().filter(n -> n.port() == port).findFirst()
        .orElseThrow(() -> new IllegalStateException("port " + port + " is none of the cluster's nodes"));
  }

  /** Every node as {@code node} sees it. */
  List<ClusterNodeView> view(LocalRedisServer node) {
    return ClusterNodeView.parseAll((String) AdminCommands.require(node.port(), "CLUSTER", "NODES"));
  }

  /** {@code node} as the first running node sees it. */
  ClusterNodeView viewOf(LocalRedisServer node) {
    return view(runningNode()).stream().filter(v -> v.port() == node.port()).findFirst()
        .orElseThrow(() -> new IllegalStateException(node + " is not in the cluster"));
  }

  boolean allStateOk() {
    for (LocalRedisServer node : nodes) {
      if (node.isRunning() && !"ok".equals(clusterInfo(node).get("cluster_state"))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether every running node has the same view, sees no running node failing and no stopped node owning slots
   * (with {@code cluster-require-full-coverage no}, {@code cluster_state} stays ok while they are unserved).
   */
  boolean agree() {
    Set<ClusterNodeView> first = null;
    for (LocalRedisServer node : nodes) {
      if (!node.isRunning()) {
        continue;
      }
      List<ClusterNodeView> view = view(node);
      if (view.size() != nodes.size()) {
        return false;
      }
      for (ClusterNodeView seen : view) {
        boolean running = nodeOnPort(seen.port()).isRunning();
        if (running && (seen.isFailing() || seen.flags().contains("handshake"))) {
          return false;
        }
        if (!running && seen.slotCount() > 0) {
          return false; // a stopped primary still owns slots: its replica is not promoted yet
        }
      }
      Set<ClusterNodeView> set = new HashSet<>(view);
      if (first == null) {
        first = set;
      } else if (!first.equals(set)) {
        return false;
      }
    }
    return first != null;
  }

  /** Whether every running replica replicates with its link up. */
  boolean replicasLinked() {
    for (LocalRedisServer node : nodes) {
      if (node.isRunning() && NodeRoles.role(node.port()).equals("slave")
          && !"up".equals(AdminCommands.info(node.port(), "replication").get("master_link_status"))) {
        return false;
      }
    }
    return true;
  }

  /** Whether every running node's {@code CLUSTER SLOTS} lists each range's running replicas. */
  boolean slotsListReplicas() {
    List<ClusterNodeView> view = view(runningNode());
    for (LocalRedisServer node : nodes) {
      if (!node.isRunning()) {
        continue;
      }
      for (Object range : (List<?>) AdminCommands.require(node.port(), "CLUSTER", "SLOTS")) {
        List<?> fields = (List<?>) range;
        String primaryId = (String) ((List<?>) fields.get(2)).get(2);
        long runningReplicas = view.stream()
            .filter(v -> v.primaryId().equals(primaryId) && nodeOnPort(v.port()).isRunning()).count();
        if (fields.size() - 3 != runningReplicas) {
          return false;
        }
      }
    }
    return true;
  }

  String describe() {
    StringBuilder text = new StringBuilder();
    for (LocalRedisServer node : nodes) {
      text.append("\n  node ").append(node.port()).append(": ");
      if (!node.isRunning()) {
        text.append("not running");
        continue;
      }
      try {
        text.append(clusterInfo(node).get("cluster_state"));
        for (ClusterNodeView v : view(node)) {
          text.append("\n    ").append(v.port()).append(' ').append(v.flags()).append(" of ")
              .append(v.primaryId().length() > 8 ? v.primaryId().substring(0, 8) : v.primaryId())
              .append(' ').append(v.id(), 0, 8).append(' ').append(v.slots());
        }
      } catch (RuntimeException e) {
        text.append(e.getMessage());
      }
    }
    return text.toString();
  }

  private static Map<String, String> clusterInfo(LocalRedisServer node) {
    return AdminCommands.colonFields((String) AdminCommands.require(node.port(), "CLUSTER", "INFO"));
  }
}
