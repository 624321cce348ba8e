package dev.respite.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A six-node Redis Cluster (three primaries, one replica each) of throwaway {@link LocalRedisServer} processes
 * on free loopback ports, for tests of a cluster-aware client.
 *
 * <p>Nodes run with {@code cluster-node-timeout 2000}, announce {@code 127.0.0.1} and bind only loopback; each
 * keeps its {@code nodes.conf} in its own directory, so a killed node restarted with
 * {@link LocalRedisServer#start()} rejoins with its identity (as a replica once its replica was promoted). Each
 * client port is chosen so that its cluster bus port ({@code port + 10000}) is free too. The cluster is
 * created with {@code redis-cli --cluster create --cluster-replicas 1}; {@link #start(String...)} returns once
 * every node reports {@code cluster_state:ok}, every node's {@code CLUSTER NODES} agrees and every replica's
 * link is up. {@link #close()} stops every process by its id. Not meant for concurrent use by several threads.
 */
public final class LocalRedisCluster implements AutoCloseable {

  /** The number of hash slots of every Redis Cluster. */
  public static final int SLOTS = 16_384;
  static final int NODE_COUNT = 6;
  static final int NODE_TIMEOUT_MILLIS = 2_000;
  private static final int BUS_PORT_OFFSET = 10_000;
  private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(30);

  private final List<LocalRedisServer> nodes = new ArrayList<>();
  private final ClusterQueries queries = new ClusterQueries(nodes);

  private LocalRedisCluster() {}

  /**
   * Starts six nodes, creates the cluster and waits until it is settled (see the class comment).
   *
   * @param nodeArgs appended to every node's command line, e.g. {@code "--cluster-require-full-coverage", "no"}
   *     before {@link #uncoverSlots(int, int)}
   * @throws IllegalStateException if a node or {@code redis-cli} fails, or the cluster does not settle in 30 s
   */
  public static LocalRedisCluster start(String... nodeArgs) {
    LocalRedisCluster cluster = new LocalRedisCluster();
    try {
      cluster.create(List.of(nodeArgs));
      return cluster;
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  private void create(List<String> nodeArgs) {
    String config = "cluster-enabled yes\n"
        + "cluster-node-timeout " + NODE_TIMEOUT_MILLIS + "\n"
        + "cluster-config-file nodes.conf\n"
        + "cluster-announce-ip 127.0.0.1\n"
        // CLUSTER SLOTS hides a replica whose replication offset is 0, which on an idle cluster lasts until the
        // first replication ping: every second instead of every 10 s.
        + "repl-ping-replica-period 1\n"
        + "repl-diskless-sync yes\n"
        + "repl-diskless-sync-delay 0\n";
    for (int i = 0; i < NODE_COUNT; i++) {
      nodes.add(LocalRedisServer.launchWithConfig(config,
          port -> LoopbackPorts.isFree(port + BUS_PORT_OFFSET), nodeArgs));
    }
    List<String> command = new ArrayList<>(List.of("--cluster", "create"));
    nodes.forEach(node -> command.add(node.host() + ":" + node.port()));
    command.addAll(List.of("--cluster-replicas", "1", "--cluster-yes"));
    RedisCli.run(command);
    awaitStable();
  }

  /** The six nodes in the order started, running or not; roles change, see {@link #primaries()}. */
  public List<LocalRedisServer> nodes() {
    return List.copyOf(nodes);
  }

  /** The seeds as issue 14's URL names them: {@code redis-cluster://127.0.0.1:p1,...,127.0.0.1:p6}. */
  public String seedUrl() {
    return nodes.stream().map(n -> n.host() + ":" + n.port()).collect(Collectors.joining(",", "redis-cluster://", ""));
  }

  /** Every node as the first running node sees it now ({@code CLUSTER NODES}). */
  public List<ClusterNodeView> topology() {
    return queries.view(queries.runningNode());
  }

  /** The running nodes that are primaries serving at least one slot, in start order. */
  public List<LocalRedisServer> primaries() {
    List<ClusterNodeView> topology = topology();
    return nodes.stream().filter(node -> node.isRunning() && topology.stream()
        .anyMatch(v -> v.port() == node.port() && v.isPrimary() && v.slotCount() > 0)).toList();
  }

  /** The running nodes that are replicas, in start order. */
  public List<LocalRedisServer> replicas() {
    List<ClusterNodeView> topology = topology();
    return nodes.stream().filter(node -> node.isRunning() && topology.stream()
        .anyMatch(v -> v.port() == node.port() && !v.isPrimary())).toList();
  }

  /** The node's 40-character cluster id. */
  public String nodeId(LocalRedisServer node) {
    return queries.viewOf(node).id();
  }

  /**
   * The running replica of {@code primary}.
   *
   * @throws IllegalStateException if it has none
   */
  public LocalRedisServer replicaOf(LocalRedisServer primary) {
    String id = nodeId(primary);
    List<ClusterNodeView> topology = topology();
    return nodes.stream().filter(node -> node.isRunning() && topology.stream()
            .anyMatch(v -> v.port() == node.port() && v.primaryId().equals(id)))
        .findFirst().orElseThrow(() -> new IllegalStateException(primary + " has no running replica"));
  }

  /**
   * The primary serving {@code slot} now.
   *
   * @throws IllegalStateException if no node serves it
   */
  public LocalRedisServer ownerOf(int slot) {
    checkSlot(slot);
    ClusterNodeView owner = topology().stream()
        .filter(v -> v.isPrimary() && v.slots().stream().anyMatch(r -> r.contains(slot)))
        .findFirst().orElseThrow(() -> new IllegalStateException("no node serves slot " + slot));
    return queries.nodeOnPort(owner.port());
  }

  /**
   * Moves {@code slots} slots (and their keys) from one primary to another with
   * {@code redis-cli --cluster reshard}, then waits until every node agrees. Run it on another thread to
   * reshard under load.
   */
  public void reshard(LocalRedisServer from, LocalRedisServer to, int slots) {
    if (slots <= 0 || slots > SLOTS) {
      throw new IllegalArgumentException("slots to move must be in 1.." + SLOTS + ", got " + slots);
    }
    RedisCli.run(List.of("--cluster", "reshard", to.host() + ":" + to.port(),
        "--cluster-from", nodeId(from), "--cluster-to", nodeId(to),
        "--cluster-slots", Integer.toString(slots), "--cluster-yes"));
    awaitStable();
  }

  /**
   * A graceful failover: {@code CLUSTER FAILOVER} on {@code replica}, then waits until every node agrees that it
   * is a primary and its former primary its replica.
   */
  public void failover(LocalRedisServer replica) {
    AdminCommands.require(replica.port(), "CLUSTER", "FAILOVER");
    Polling.until(replica + " to become a primary", SETTLE_TIMEOUT,
        () -> NodeRoles.role(replica.port()).equals("master"), queries::describe);
    awaitStable();
  }

  /**
   * Kills {@code primary} with SIGKILL and returns its replica, which the cluster promotes after about
   * {@code cluster-node-timeout} (2 s) plus an election; {@link #awaitStable()} waits for it. Restart the
   * killed node with {@link LocalRedisServer#start()}: it rejoins as a replica of the promoted one.
   */
  public LocalRedisServer killPrimary(LocalRedisServer primary) {
    LocalRedisServer replica = replicaOf(primary);
    primary.kill();
    return replica;
  }

  /**
   * Half-migrates {@code slot}: {@code CLUSTER SETSLOT slot IMPORTING} on {@code to}, then {@code MIGRATING} on
   * {@code from}. Its keys stay on {@code from} until {@link #migrateKeys}: a client then gets {@code ASK} for
   * keys moved and {@code TRYAGAIN} for multi-key commands whose keys are split.
   */
  public void beginSlotMigration(int slot, LocalRedisServer from, LocalRedisServer to) {
    checkSlot(slot);
    String s = Integer.toString(slot);
    AdminCommands.require(to.port(), "CLUSTER", "SETSLOT", s, "IMPORTING", nodeId(from));
    AdminCommands.require(from.port(), "CLUSTER", "SETSLOT", s, "MIGRATING", nodeId(to));
  }

  /** Moves {@code keys} of a migrating slot from {@code from} to {@code to} ({@code MIGRATE ... KEYS}). */
  public void migrateKeys(LocalRedisServer from, LocalRedisServer to, String... keys) {
    if (keys.length == 0) {
      throw new IllegalArgumentException("name at least one key to migrate");
    }
    List<String> command = new ArrayList<>(List.of("MIGRATE", to.host(), Integer.toString(to.port()), "", "0",
        "5000", "KEYS"));
    command.addAll(List.of(keys));
    AdminCommands.require(from.port(), command.toArray(String[]::new));
  }

  /**
   * Ends a migration begun with {@link #beginSlotMigration}: gives {@code slot} to {@code to}
   * ({@code CLUSTER SETSLOT slot NODE}) on the target, the source and the other primaries, then waits until every
   * node agrees. Keys still on the source are left there (unreachable), so migrate them first.
   */
  public void finishSlotMigration(int slot, LocalRedisServer from, LocalRedisServer to) {
    checkSlot(slot);
    String toId = nodeId(to);
    List<LocalRedisServer> order = new ArrayList<>(List.of(to, from));
    primaries().stream().filter(p -> !order.contains(p)).forEach(order::add);
    for (LocalRedisServer node : order) {
      AdminCommands.require(node.port(), "CLUSTER", "SETSLOT", Integer.toString(slot), "NODE", toId);
    }
    awaitStable();
  }

  /**
   * Leaves slots {@code first..last} served by no node: {@code CLUSTER DELSLOTSRANGE} on every running node (a
   * node forgets a slot only when told itself). Then waits until every node agrees, not for
   * {@code cluster_state:ok}: start the cluster with {@code "--cluster-require-full-coverage", "no"} for the
   * other slots to keep working.
   */
  public void uncoverSlots(int first, int last) {
    checkSlot(first);
    checkSlot(last);
    if (first > last) {
      throw new IllegalArgumentException("first slot " + first + " is after last slot " + last);
    }
    for (LocalRedisServer node : nodes) {
      if (node.isRunning()) {
        AdminCommands.require(node.port(), "CLUSTER", "DELSLOTSRANGE", Integer.toString(first), Integer.toString(last));
      }
    }
    Polling.until("every node to agree after DELSLOTSRANGE " + first + " " + last, SETTLE_TIMEOUT,
        queries::agree, queries::describe);
  }

  /**
   * Waits (at most 30 s) until every running node reports {@code cluster_state:ok}, their {@code CLUSTER NODES}
   * views agree, no running node is flagged failing, every running replica's link to its primary is up, and
   * every node's {@code CLUSTER SLOTS} lists the running replicas.
   */
  public void awaitStable() {
    Polling.until("the cluster to settle", SETTLE_TIMEOUT,
        () -> queries.allStateOk() && queries.agree() && queries.replicasLinked() && queries.slotsListReplicas(),
        queries::describe);
  }

  /** Every running node's {@code cluster_state} and view of the others, for diagnostics. */
  public String describe() {
    return queries.describe();
  }

  /** Stops every node by process id and deletes its directory. */
  @Override
  public void close() {
    RuntimeException first = null;
    for (LocalRedisServer node : nodes) {
      try {
        node.close();
      } catch (RuntimeException e) {
        first = Objects.requireNonNullElse(first, e);
      }
    }
    if (first != null) {
      throw first;
    }
  }

  @Override
  public String toString() {
    return "LocalRedisCluster" + nodes.stream().map(LocalRedisServer::port).toList();
  }

  private static void checkSlot(int slot) {
    if (slot < 0 || slot >= SLOTS) {
      throw new IllegalArgumentException("a hash slot is in 0.." + (SLOTS - 1) + ", got " + slot);
    }
  }
}
