package dev.respite.impl.cluster;

import dev.respite.RedisConnectionException;
import dev.respite.RedisException;
import dev.respite.RedisServerException;
import dev.respite.impl.cluster.ClusterRoute.Target;
import dev.respite.impl.command.ClusterFrames;
import dev.respite.impl.command.Command;
import dev.respite.impl.command.QueuedResponse;
import dev.respite.impl.session.RealRedisSession;
import dev.respite.impl.topology.NodeAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A cluster session's pipelines and transactions.
 *
 * <p>A pipeline is grouped by node: each node's commands go in one write, in the order queued, and each caller's
 * response gets its own outcome. A command a node redirected or refused as not run ({@code MOVED}, {@code ASK},
 * {@code TRYAGAIN}, ...) is then sent again on its own through the retrying path, as are commands that span
 * nodes themselves ({@link MultiKeySplit}, {@link AllPrimaries}) or change the session ({@code WATCH}): these
 * run after the node groups. Commands to different nodes are not ordered with each other.
 *
 * <p>A transaction runs on the node of its keys, which must share one slot, or on the node a {@code WATCH}
 * pinned; refused before anything is sent otherwise. If {@code EXEC} was refused because a queued command was
 * redirected or refused as not run, nothing ran, so the transaction is sent again: on the new owner after
 * {@code MOVED}, after {@code ASKING} on the importing node after {@code ASK}, after a pause otherwise (unless a
 * {@code WATCH} pinned it: the watch lives on the old node).
 */
final class ClusterBatches {
  private ClusterBatches() {}

  static void pipeline(ClusterRoute route, List<QueuedResponse<?>> queued) {
    Map<Target, List<Integer>> groups = new LinkedHashMap<>();
    TreeSet<Integer> alone = new TreeSet<>();
    Target keyless = null;
    for (int i = 0; i < queued.size(); i++) {
      QueuedResponse<?> response = queued.get(i);
      Command<?> command = response.command();
      try {
        if (runsAlone(command)) {
          alone.add(i);
          continue;
        }
        route.checkAllowed(command);
        int slot = CommandSlots.slotOf(command);
        Target target;
        if (slot == CommandSlots.NO_KEY) {
          NodeAddress pinned = route.watchedNode;
          if (keyless == null) {
            keyless = pinned != null ? new Target(pinned, false) : route.target(slot, false);
          }
          target = keyless;
        } else {
          target = route.target(slot, route.isReadOnly());
        }
        groups.computeIfAbsent(target, t -> new ArrayList<>()).add(i);
      } catch (RedisConnectionException noMapYet) {
        alone.add(i);
      } catch (RuntimeException refused) {
        response.fail(refused);
      }
    }
    RuntimeException first = null;
    for (Map.Entry<Target, List<Integer>> group : groups.entrySet()) {
      first = firstOf(first, runGroup(route, group.getKey(), group.getValue(), queued, alone));
    }
    for (int index : alone) {
      first = firstOf(first, runAlone(route, queued.get(index)));
    }
    if (first != null) {
      throw first;
    }
  }

  /** Runs one node's commands in one write; returns the failure that broke the connection, if one did. */
  private static @Nullable RuntimeException runGroup(ClusterRoute route, Target target, List<Integer> indexes,
      List<QueuedResponse<?>> queued, TreeSet<Integer> alone) {
    RealRedisSession session;
    try {
      session = route.session(target);
    } catch (RedisConnectionException notSent) {
      route.cluster.topology().requestRefresh(RefreshCause.CONNECTION_FAILED);
      alone.addAll(indexes); // nothing was sent: each is retried on its own
      return null;
    }
    List<QueuedResponse<?>> proxies = new ArrayList<>(indexes.size());
    for (int index : indexes) {
      proxies.add(QueuedResponse.of(queued.get(index).command()));
    }
    RuntimeException broken = null;
    try {
      session.runPipeline(proxies);
    } catch (RuntimeException e) {
      broken = e;
      route.afterFailure(target);
    }
    for (int k = 0; k < proxies.size(); k++) {
      QueuedResponse<?> proxy = proxies.get(k);
      if (notRun(route, target, proxy.failure())) {
        alone.add(indexes.get(k));
      } else {
        copy(queued.get(indexes.get(k)), proxy);
      }
    }
    return broken;
  }

  /** Whether a node answered that the command did not run there: a redirection or a retryable refusal. */
  private static boolean notRun(ClusterRoute route, Target target, @Nullable RuntimeException failure) {
    if (!(failure instanceof RedisServerException)) {
      return false;
    }
    RedisServerException error = (RedisServerException) failure;
    Redirect redirect = Redirect.of(error, target.node().host());
    if (redirect != null) {
      route.cluster.listeners().clusterRedirected(redirect.kind() == Redirect.Kind.MOVED ? "moved" : "ask");
      if (redirect.kind() == Redirect.Kind.MOVED) {
        route.cluster.topology().moved(redirect.slot(), redirect.target());
      }
      return true;
    }
    return Retries.didNotRun(error) && !(target.reader() && "READONLY".equals(error.code()));
  }

  /** Runs one queued command through the retrying path; returns a failure that is not the server's answer. */
  private static <T extends @Nullable Object> @Nullable RuntimeException runAlone(ClusterRoute route,
      QueuedResponse<T> response) {
    try {
      response.complete(route.run(response.command()));
      return null;
    } catch (RuntimeException e) {
      response.fail(e);
      return e instanceof RedisServerException || !(e instanceof RedisException) ? null : connectionFailure(e);
    }
  }

  private static @Nullable RuntimeException connectionFailure(RuntimeException e) {
    return e instanceof RedisConnectionException || e instanceof dev.respite.RedisTimeoutException ? e : null;
  }

  private static boolean runsAlone(Command<?> command) {
    switch (command.effect()) {
      case WATCH:
      case UNWATCH:
      case MULTI:
      case EXEC:
      case DISCARD:
      case SELECT:
        return true;
      default:
        break;
    }
    if (AllPrimaries.handles(command)) {
      return true;
    }
    return MultiKeySplit.splits(command) && MultiKeySplit.spans(CommandSlots.slots(command));
  }

  static boolean transaction(ClusterRoute route, List<QueuedResponse<?>> queued) {
    int slot;
    NodeAddress pinned = route.watchedNode;
    try {
      slot = transactionSlot(queued);
      if (pinned != null && slot != CommandSlots.NO_KEY && !route.target(slot, false).node().equals(pinned)) {
        throw new RedisException("The transaction's keys are in slot " + slot + ", served by another node than"
            + " the one its WATCH pinned the session to (" + pinned + "); nothing was sent");
      }
    } catch (RuntimeException e) {
      queued.forEach(response -> response.fail(e));
      throw e;
    }
    long deadline = 0;
    int attempt = 0;
    int redirects = 0;
    Target target = pinned != null ? new Target(pinned, false) : null;
    boolean asking = false;
    try {
      while (true) {
        RealRedisSession session;
        try {
          if (target == null) {
            target = route.target(slot, false);
          }
          session = route.session(target);
        } catch (RedisConnectionException notSent) {
          if (pinned != null) {
            throw notSent;
          }
          deadline = route.afterRefusedConnect(slot, target, false, deadline, attempt++, notSent);
          target = null;
          continue;
        }
        List<QueuedResponse<?>> proxies = new ArrayList<>(queued.size());
        queued.forEach(response -> proxies.add(QueuedResponse.of(response.command())));
        try {
          if (asking) {
            session.run(ClusterFrames.ASKING); // inside MULTI the flag lasts until EXEC
          }
          boolean executed = session.runTransaction(proxies);
          copyAll(queued, proxies);
          return executed;
        } catch (RedisServerException aborted) {
          RedisServerException refusal = refusal(proxies, aborted);
          Redirect redirect = Redirect.of(refusal, target.node().host());
          if (pinned == null && redirect != null && ++redirects <= route.cluster.maxRedirects()) {
            boolean moved = redirect.kind() == Redirect.Kind.MOVED;
            route.cluster.listeners().clusterRedirected(moved ? "moved" : "ask");
            if (moved) {
              route.cluster.topology().moved(redirect.slot(), redirect.target());
            }
            asking = !moved;
            target = new Target(redirect.target(), false);
            continue;
          }
          if (pinned == null && (redirect != null || Retries.didNotRun(refusal))) {
            route.cluster.topology().requestRefresh(refusal);
            deadline = Retries.pause(deadline, attempt++, aborted, route.cluster.retryBudgetNanos());
            asking = false;
            target = null;
            continue;
          }
          copyAll(queued, proxies);
          throw aborted;
        } catch (RuntimeException lost) {
          copyAll(queued, proxies);
          route.afterFailure(target);
          throw lost;
        }
      }
    } catch (RuntimeException e) {
      queued.forEach(response -> response.fail(e)); // those not done yet
      throw e;
    } finally {
      route.watchedNode = null; // EXEC, or the failure, ended the watch
    }
  }

  /**
   * The one slot of the transaction's keys, or {@link CommandSlots#NO_KEY}.
   *
   * @throws RedisException if keys span slots, or a command needs every primary (KEYS, DBSIZE, SCAN...)
   */
  private static int transactionSlot(List<QueuedResponse<?>> queued) {
    int slot = CommandSlots.NO_KEY;
    for (QueuedResponse<?> response : queued) {
      if (AllPrimaries.handles(response.command())) {
        throw new RedisException(response.command().name() + " needs every primary of the Redis Cluster and"
            + " cannot run inside a transaction, which runs on one node; nothing was sent");
      }
      int commandSlot = CommandSlots.slotOf(response.command());
      if (commandSlot == CommandSlots.NO_KEY) {
        continue;
      }
      if (slot == CommandSlots.NO_KEY) {
        slot = commandSlot;
      } else if (commandSlot != slot) {
        List<Command<?>> commands = new ArrayList<>();
        queued.forEach(r -> commands.add(r.command()));
        throw CommandSlots.crossSlot("The transaction", commands);
      }
    }
    return slot;
  }

  /** The error a queued command was refused with, which made {@code EXEC} abort; else {@code EXEC}'s own. */
  private static RedisServerException refusal(List<QueuedResponse<?>> proxies, RedisServerException aborted) {
    for (QueuedResponse<?> proxy : proxies) {
      RuntimeException failure = proxy.failure();
      if (failure instanceof RedisServerException && failure != aborted) {
        return (RedisServerException) failure;
      }
    }
    return aborted;
  }

  private static void copyAll(List<QueuedResponse<?>> queued, List<QueuedResponse<?>> proxies) {
    for (int i = 0; i < queued.size(); i++) {
      copy(queued.get(i), proxies.get(i));
    }
  }

  @SuppressWarnings("unchecked")
  private static <T extends @Nullable Object> void copy(QueuedResponse<T> original, QueuedResponse<?> proxy) {
    original.completeFrom((QueuedResponse<T>) proxy);
  }

  private static @Nullable RuntimeException firstOf(@Nullable RuntimeException first,
      @Nullable RuntimeException next) {
    return first != null ? first : next;
  }
}
