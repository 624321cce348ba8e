package dev.respite.impl.command;

import static dev.respite.impl.command.Keywords.*;

import dev.respite.command.PublishCommands;

/** {@link PublishCommands} as commands. */
public interface PublishFamily<K, V> extends PublishCommands<K, V>, CommandContext<K, V> {

  @Override
  default long publish(K channel, V message) {
    return run(Command.of(PUBLISH, Decoders.LONG, codec().key(channel), codec().value(message)));
  }

  @Override
  default long spublish(K shardChannel, V message) {
    return run(Command.of(SPUBLISH, Decoders.LONG, codec().key(shardChannel), codec().value(message)));
  }
}
