package dev.respite.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A primary, two replicas and three sentinels watching them, all throwaway {@link LocalRedisServer}
 * processes on free loopback ports, for tests of a Sentinel-aware client.
 *
 * <p>Sentinel is tuned to react within seconds ({@code down-after-milliseconds 1000},
 * {@code failover-timeout 3000}, quorum 2, unless {@link #start(String, Duration, Duration)} says otherwise). Every node and sentinel announces {@code 127.0.0.1} and binds only
 * loopback. Each process has its own configuration file, which Sentinel (and its {@code CONFIG REWRITE} on
 * reconfigured nodes) rewrites, so a restarted process comes back as a real deployment's would: a replica
 * Sentinel moved follows its new primary, a killed primary whose file was never rewritten comes back as a
 * primary until Sentinel demotes it.
 *
 * <p>{@link #start(String)} returns once every sentinel names the primary and sees both replicas and the
 * other two sentinels. Stop, kill or restart single processes through {@link #dataNodes()} and
 * {@link #sentinels()} ({@link LocalRedisServer#stop()}, {@link LocalRedisServer#start()}); {@link #close()}
 * stops every process by its id. Not meant for concurrent use by several threads.
 */
public final class LocalSentinelGroup implements AutoCloseable {

  /** The master name used by {@link #start()}. */
  public static final String DEFAULT_MASTER_NAME = "mymaster";

  /** {@code down-after-milliseconds} unless told otherwise: a primary silent this long is subjectively down. */
  public static final Duration DEFAULT_DOWN_AFTER = Duration.ofMillis(1_000);
  /** {@code failover-timeout} unless told otherwise. */
  public static final Duration DEFAULT_FAILOVER_TIMEOUT = Duration.ofMillis(3_000);
  static final int QUORUM = 2;
  private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration PRIMARY_CHANGE_TIMEOUT = Duration.ofSeconds(30);

  private final String masterName;
  private final Duration downAfter;
  private final Duration failoverTimeout;
  private final List<LocalRedisServer> dataNodes = new ArrayList<>();
  private final List<LocalRedisServer> sentinels = new ArrayList<>();
  private final SentinelQueries queries;

  private LocalSentinelGroup(String masterName, Duration downAfter, Duration failoverTimeout) {
    this.masterName = masterName;
    this.downAfter = downAfter;
    this.failoverTimeout = failoverTimeout;
    this.queries = new SentinelQueries(masterName, sentinels, dataNodes);
  }

  /** Starts the group under the master name {@value #DEFAULT_MASTER_NAME}; see {@link #start(String)}. */
  public static LocalSentinelGroup start() {
    return start(DEFAULT_MASTER_NAME);
  }

  /**
   * Starts the primary, the replicas (waiting until both have synchronised), then the sentinels, and waits
   * until the sentinels agree (usually 2 to 4 s).
   *
   * @param masterName the name the sentinels monitor the primary under
   * @throws IllegalArgumentException if the name is blank or contains whitespace
   * @throws IllegalStateException if a process fails to start or the group does not settle within 30 s
   */
  public static LocalSentinelGroup start(String masterName) {
    return start(masterName, DEFAULT_DOWN_AFTER, DEFAULT_FAILOVER_TIMEOUT);
  }

  /**
   * Like {@link #start(String)} with other Sentinel timings: on a heavily loaded machine a primary that stalls
   * for {@code downAfter} is failed over although nobody killed it, so a test that must not see a spontaneous
   * failover may want a longer one (at the price of slower reactions to {@link #killPrimary()}).
   *
   * @throws IllegalArgumentException for a blank master name or one with whitespace, or a timing under 100 ms
   */
  public static LocalSentinelGroup start(String masterName, Duration downAfter, Duration failoverTimeout) {
    if (downAfter.toMillis() < 100 || failoverTimeout.toMillis() < 100) {
      throw new IllegalArgumentException("Sentinel timings must be at least 100 ms, got down-after " + downAfter
          + " and failover-timeout " + failoverTimeout);
    }
    if (masterName.isBlank() || masterName.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("a master name needs at least one character and no whitespace: \""
          + masterName + "\"");
    }
    LocalSentinelGroup group = new LocalSentinelGroup(masterName, downAfter, failoverTimeout);
    try {
      group.launch();
      return group;
    } catch (RuntimeException e) {
      group.close();
      throw e;
    }
  }

  private void launch() {
    LocalRedisServer primary = startDataNode(null);
    dataNodes.add(primary);
    dataNodes.add(startDataNode(primary));
    dataNodes.add(startDataNode(primary));
    for (int i = 0; i < 3; i++) {
      sentinels.add(LocalRedisServer.launchWithConfig(sentinelConfig(primary), port -> true, List.of("--sentinel")));
    }
    awaitStable();
  }

  private static LocalRedisServer startDataNode(LocalRedisServer primary) {
    StringBuilder config = new StringBuilder()
        .append("replica-announce-ip 127.0.0.1\n")
        // Diskless sync without the default 5 s delay: a replica is in sync in milliseconds.
        .append("repl-diskless-sync yes\n")
        .append("repl-diskless-sync-delay 0\n");
    if (primary != null) {
      config.append("replicaof 127.0.0.1 ").append(primary.port()).append('\n');
    }
    return LocalRedisServer.launchWithConfig(config.toString(), port -> true, List.of());
  }

  private String sentinelConfig(LocalRedisServer primary) {
    return "sentinel announce-ip 127.0.0.1\n"
        + "sentinel monitor " + masterName + " 127.0.0.1 " + primary.port() + " " + QUORUM + "\n"
        + "sentinel down-after-milliseconds " + masterName + " " + downAfter.toMillis() + "\n"
        + "sentinel failover-timeout " + masterName + " " + failoverTimeout.toMillis() + "\n"
        + "sentinel parallel-syncs " + masterName + " 1\n";
  }

  /** The name the sentinels monitor the primary under. */
  public String masterName() {
    return masterName;
  }

  /** The three Redis nodes in the order started (the first was the initial primary), running or not. */
  public List<LocalRedisServer> dataNodes() {
    return List.copyOf(dataNodes);
  }

  /** The three sentinels, running or not. */
  public List<LocalRedisServer> sentinels() {
    return List.copyOf(sentinels);
  }

  /**
   * The node the sentinels name as primary now (the first running sentinel that answers is asked).
   *
   * @throws IllegalStateException if no sentinel answers or it names an unknown address
   */
  public LocalRedisServer primary() {
    return nodeOnPort(queries.primaryPort());
  }

  /** The data nodes other than {@link #primary()}, running or not. */
  public List<LocalRedisServer> replicas() {
    LocalRedisServer primary = primary();
    return dataNodes.stream().filter(node -> node != primary).toList();
  }

  /**
   * A Sentinel URL naming every sentinel and the master name, as issue 13 specifies it:
   * {@code redis-sentinel://127.0.0.1:p1,127.0.0.1:p2,127.0.0.1:p3/mymaster}.
   */
  public String sentinelUrl() {
    return sentinels.stream().map(s -> s.host() + ":" + s.port())
        .collect(Collectors.joining(",", "redis-sentinel://", "/" + masterName));
  }

  /**
   * Sends {@code SENTINEL FAILOVER} to the first running sentinel and returns at once, for tests that
   * time the client's reaction themselves; see {@link #awaitNewPrimary(LocalRedisServer)}.
   *
   * @throws IllegalStateException if the sentinel refuses (a failover in progress, no good replica)
   */
  public void requestFailover() {
    AdminCommands.require(queries.runningSentinel().port(), "SENTINEL", "FAILOVER", masterName);
  }

  /**
   * A graceful failover: {@code SENTINEL FAILOVER}, then waits until every running sentinel names the new
   * primary and that node's {@code ROLE} is {@code master}.
   *
   * @return the new primary
   */
  public LocalRedisServer failover() {
    LocalRedisServer old = primary();
    requestFailover();
    return awaitNewPrimary(old);
  }

  /**
   * Kills the current primary with SIGKILL, as a crash would; the sentinels promote a replica after about
   * {@code down-after-milliseconds} plus an election. Restart it with {@link #restart(LocalRedisServer)}.
   *
   * @return the killed node
   */
  public LocalRedisServer killPrimary() {
    LocalRedisServer primary = primary();
    primary.kill();
    return primary;
  }

  /**
   * Waits (at most 30 s) until every running sentinel names a primary other than {@code old} and that node
   * answers {@code ROLE} as {@code master}.
   *
   * @return the new primary
   */
  public LocalRedisServer awaitNewPrimary(LocalRedisServer old) {
    Polling.until("the sentinels to agree on a primary other than port " + old.port(), PRIMARY_CHANGE_TIMEOUT,
        () -> {
          int port = queries.agreedPrimaryPort();
          return port > 0 && port != old.port() && NodeRoles.role(port).equals("master");
        },
        queries::describe);
    return primary();
  }

  /**
   * Starts a stopped or killed data node again on its port, with its own (possibly Sentinel-rewritten)
   * configuration. A killed primary comes back as a primary with no data, until Sentinel demotes it (about
   * 10 s, see {@link #awaitStable()}).
   */
  public void restart(LocalRedisServer node) {
    requireDataNode(node).start();
  }

  /**
   * Starts a stopped or killed data node again and makes it a replica of the current primary at once
   * ({@code REPLICAOF}), as if its configuration had been rewritten before it died.
   */
  public void restartAsReplica(LocalRedisServer node) {
    LocalRedisServer primary = primary();
    if (primary == node) {
      throw new IllegalArgumentException(node + " is still the primary the sentinels name");
    }
    requireDataNode(node).start();
    AdminCommands.require(node.port(), "REPLICAOF", primary.host(), Integer.toString(primary.port()));
  }

  /**
   * Makes every running data node that still reports {@code master} but is not the sentinels' primary a
   * replica of that primary ({@code REPLICAOF}), instead of waiting the 8 to 10 s Sentinel takes to demote
   * a former primary (after a graceful failover, or after a killed primary is restarted).
   *
   * @return the nodes demoted
   */
  public List<LocalRedisServer> demoteFormerPrimaries() {
    LocalRedisServer primary = primary();
    List<LocalRedisServer> demoted = new ArrayList<>();
    for (LocalRedisServer node : dataNodes) {
      if (node != primary && node.isRunning() && NodeRoles.role(node.port()).equals("master")) {
        AdminCommands.require(node.port(), "REPLICAOF", primary.host(), Integer.toString(primary.port()));
        demoted.add(node);
      }
    }
    return demoted;
  }

  /**
   * Kills the clients subscribed on every running sentinel ({@code CLIENT KILL TYPE pubsub}), as a network
   * blip or a sentinel's {@code timeout} would, so that a client's {@code +switch-master} subscription is lost.
   *
   * @return how many clients the sentinels killed
   */
  public long killSentinelSubscribers() {
    long killed = 0;
    for (LocalRedisServer sentinel : sentinels) {
      if (sentinel.isRunning()) {
        killed += (Long) AdminCommands.require(sentinel.port(), "CLIENT", "KILL", "TYPE", "pubsub");
      }
    }
    return killed;
  }

  /**
   * Waits (at most 30 s) until the group is settled: every running sentinel names the same primary, whose
   * {@code ROLE} is {@code master}; every other running data node replicates from it with its link up; every
   * running sentinel sees those replicas up and knows the two other sentinels.
   */
  public void awaitStable() {
    Polling.until("the Sentinel group to settle", SETTLE_TIMEOUT, queries::settled, queries::describe);
  }

  private LocalRedisServer nodeOnPort(int port) {
    return dataNodes.stream().filter(node -> node.port() == port).findFirst()
        .orElseThrow(() -> new IllegalStateException("the sentinels name port " + port
            + ", which is none of this group's nodes " + dataNodes));
  }

  private LocalRedisServer requireDataNode(LocalRedisServer node) {
    if (!dataNodes.contains(node)) {
      throw new IllegalArgumentException(node + " is not a data node of this group");
    }
    return node;
  }

  /** What each sentinel says about the primary, its replicas and the other sentinels, for diagnostics. */
  public String describe() {
    return queries.describe();
  }

  /** Stops every sentinel, then every data node, by process id, and deletes their directories. */
  @Override
  public void close() {
    RuntimeException first = null;
    List<LocalRedisServer> all = new ArrayList<>(sentinels);
    all.addAll(dataNodes);
    for (LocalRedisServer server : all) {
      try {
        server.close();
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  @Override
  public String toString() {
    return "LocalSentinelGroup[" + masterName + ", data nodes " + ports(dataNodes) + ", sentinels "
        + ports(sentinels) + "]";
  }

  private static List<Integer> ports(List<LocalRedisServer> servers) {
    return servers.stream().map(LocalRedisServer::port).toList();
  }
}
