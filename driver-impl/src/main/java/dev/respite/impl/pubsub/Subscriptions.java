package dev.respite.impl.pubsub;

import dev.respite.impl.command.Commands;
import dev.respite.impl.protocol.ProtocolKeyword;
import dev.respite.impl.protocol.RespWriter;
import dev.respite.pubsub.MessageKind;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a subscriber is subscribed to, by kind, so that it can subscribe to all of it again on a new
 * connection; and the commands that change it. Not thread-safe: the subscriber guards it.
 */
final class Subscriptions {
  private final Map<MessageKind, Set<String>> names = new EnumMap<>(MessageKind.class);

  Subscriptions() {
    for (MessageKind kind : MessageKind.values()) {
      names.put(kind, new LinkedHashSet<>());
    }
  }

  /** The command that subscribes to names of {@code kind}. */
  static ProtocolKeyword subscribeCommand(MessageKind kind) {
    return Objects.requireNonNull(Names.SUBSCRIBE.get(kind));
  }

  /** The command that unsubscribes from names of {@code kind} (from all of them without arguments). */
  static ProtocolKeyword unsubscribeCommand(MessageKind kind) {
    return Objects.requireNonNull(Names.UNSUBSCRIBE.get(kind));
  }

  void add(MessageKind kind, String[] added) {
    namesOf(kind).addAll(Arrays.asList(added));
  }

  /** Removes {@code removed}, or every name of {@code kind} when it is empty. */
  void remove(MessageKind kind, String[] removed) {
    if (removed.length == 0) {
      namesOf(kind).clear();
    } else {
      namesOf(kind).removeAll(Arrays.asList(removed));
    }
  }

  /** Removes {@code name} of {@code kind}; whether it was there. */
  boolean removeOne(MessageKind kind, String name) {
    return namesOf(kind).remove(name);
  }

  /** A copy of the names of {@code kind}, in subscription order. */
  Set<String> snapshot(MessageKind kind) {
    return Collections.unmodifiableSet(new LinkedHashSet<>(namesOf(kind)));
  }

  int size(MessageKind kind) {
    return namesOf(kind).size();
  }

  /** The names of {@code kind}: the constructor made a set for every kind. */
  private Set<String> namesOf(MessageKind kind) {
    return Objects.requireNonNull(names.get(kind));
  }

  /**
   * Writes the frames that subscribe a new connection to everything; returns how many it wrote. Shard channels
   * get one {@code SSUBSCRIBE} each: a cluster node refuses one naming channels of different slots.
   */
  int writeAll(RespWriter writer) throws IOException {
    int commands = 0;
    for (MessageKind kind : MessageKind.values()) {
      Set<String> kindNames = namesOf(kind);
      if (kindNames.isEmpty()) {
        continue;
      }
      if (kind == MessageKind.SHARD_CHANNEL) {
        for (String name : kindNames) {
          Commands.subscription(subscribeCommand(kind), List.of(name)).write(writer);
          commands++;
        }
      } else {
        Commands.subscription(subscribeCommand(kind), kindNames).write(writer);
        commands++;
      }
    }
    return commands;
  }

  /** The command names, per kind, encoded once. */
  private static final class Names {
    static final Map<MessageKind, ProtocolKeyword> SUBSCRIBE = new EnumMap<>(Map.of(
        MessageKind.CHANNEL, ProtocolKeyword.of("SUBSCRIBE"),
        MessageKind.PATTERN, ProtocolKeyword.of("PSUBSCRIBE"),
        MessageKind.SHARD_CHANNEL, ProtocolKeyword.of("SSUBSCRIBE")));
    static final Map<MessageKind, ProtocolKeyword> UNSUBSCRIBE = new EnumMap<>(Map.of(
        MessageKind.CHANNEL, ProtocolKeyword.of("UNSUBSCRIBE"),
        MessageKind.PATTERN, ProtocolKeyword.of("PUNSUBSCRIBE"),
        MessageKind.SHARD_CHANNEL, ProtocolKeyword.of("SUNSUBSCRIBE")));
  }
}
