package dev.respite.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the sentinels of a {@link LocalSentinelGroup} say, asked afresh each time. */
final class SentinelQueries {

  private static final Set<String> UNHEALTHY_FLAGS = Set.of("s_down", "o_down", "disconnected");

  private final String masterName;
  private final List<LocalRedisServer> sentinels;
  private final List<LocalRedisServer> dataNodes;

  SentinelQueries(String masterName, List<LocalRedisServer> sentinels, List<LocalRedisServer> dataNodes) {
    this.masterName = masterName;
    this.sentinels = sentinels;
    this.dataNodes = dataNodes;
  }

  LocalRedisServer runningSentinel() {
    return sentinels.stream().filter(LocalRedisServer::isRunning).findFirst()
        .orElseThrow(() -> new IllegalStateException("no sentinel is running"));
  }

  /** The primary's port as the first running sentinel that answers names it. */
  int primaryPort() {
    IllegalStateException failure = new IllegalStateException("no sentinel named the primary of " + masterName);
    for (LocalRedisServer sentinel : sentinels) {
      if (sentinel.isRunning()) {
        try {
          return primaryPortSeenBy(sentinel);
        } catch (RuntimeException e) {
          failure.addSuppressed(e);
        }
      }
    }
    throw failure;
  }

  /** The primary's port if every running sentinel names the same one, else -1. */
  int agreedPrimaryPort() {
    int agreed = -1;
    for (LocalRedisServer sentinel : sentinels) {
      if (sentinel.isRunning()) {
        int port = primaryPortSeenBy(sentinel);
        if (agreed != -1 && port != agreed) {
          return -1;
        }
        agreed = port;
      }
    }
    return agreed;
  }

  /** See {@link LocalSentinelGroup#awaitStable()}. */
  boolean settled() {
    int primaryPort = agreedPrimaryPort();
    if (primaryPort <= 0 || !NodeRoles.role(primaryPort).equals("master")) {
      return false;
    }
    List<Integer> replicaPorts = new ArrayList<>();
    for (LocalRedisServer node : dataNodes) {
      if (node.isRunning() && node.port() != primaryPort) {
        if (!NodeRoles.replicatesFrom(node.port(), primaryPort)) {
          return false;
        }
        replicaPorts.add(node.port());
      }
    }
    for (LocalRedisServer sentinel : sentinels) {
      if (sentinel.isRunning() && !seesHealthy(sentinel, replicaPorts)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@code sentinel} sees each of {@code replicaPorts} up and knows every other sentinel. A replica's
   * {@code master-link-status} is not required: Sentinel refreshes it only every 10 s.
   */
  boolean seesHealthy(LocalRedisServer sentinel, List<Integer> replicaPorts) {
    Map<String, String> master = AdminCommands.fields(
        AdminCommands.require(sentinel.port(), "SENTINEL", "MASTER", masterName));
    if (!master.get("flags").equals("master")) {
      return false;
    }
    List<Map<String, String>> replicas = AdminCommands.fieldsOfEach(
        AdminCommands.require(sentinel.port(), "SENTINEL", "REPLICAS", masterName));
    for (int port : replicaPorts) {
      boolean up = replicas.stream().anyMatch(r -> Integer.parseInt(r.get("port")) == port
          && healthy(r));
      if (!up) {
        return false;
      }
    }
    List<Map<String, String>> others = AdminCommands.fieldsOfEach(
        AdminCommands.require(sentinel.port(), "SENTINEL", "SENTINELS", masterName));
    if (others.size() != sentinels.size() - 1) {
      return false;
    }
    for (LocalRedisServer other : sentinels) {
      if (other != sentinel && other.isRunning()) {
        boolean up = others.stream().anyMatch(s -> Integer.parseInt(s.get("port")) == other.port() && healthy(s));
        if (!up) {
          return false;
        }
      }
    }
    return true;
  }

  /** One line per sentinel: the primary it names, its replicas and the other sentinels with their flags. */
  String describe() {
    StringBuilder text = new StringBuilder();
    for (LocalRedisServer sentinel : sentinels) {
      text.append("\n  sentinel ").append(sentinel.port()).append(": ");
      if (!sentinel.isRunning()) {
        text.append("not running");
        continue;
      }
      try {
        text.append("primary ").append(primaryPortSeenBy(sentinel))
            .append(", replicas ").append(summary(AdminCommands.require(sentinel.port(), "SENTINEL", "REPLICAS",
                masterName)))
            .append(", sentinels ").append(summary(AdminCommands.require(sentinel.port(), "SENTINEL", "SENTINELS",
                masterName)));
      } catch (RuntimeException e) {
        text.append(e.getMessage());
      }
    }
    return text.toString();
  }

  private int primaryPortSeenBy(LocalRedisServer sentinel) {
    Object reply = AdminCommands.require(sentinel.port(), "SENTINEL", "GET-MASTER-ADDR-BY-NAME", masterName);
    if (reply == null) {
      throw new IllegalStateException("sentinel " + sentinel.port() + " does not know " + masterName);
    }
    return Integer.parseInt((String) ((List<?>) reply).get(1));
  }

  private static boolean healthy(Map<String, String> instance) {
    for (String flag : instance.get("flags").split(",")) {
      if (UNHEALTHY_FLAGS.contains(flag)) {
        return false;
      }
    }
    return true;
  }

  private static String summary(Object instances) {
    return AdminCommands.fieldsOfEach(instances).stream()
        .map(i -> i.get("port") + "(" + i.get("flags") + ")").toList().toString();
  }
}
