package dev.respite.impl.command;

import dev.respite.impl.protocol.RespWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Every family, recording the commands instead of sending them, as a pipeline's lambda sees them. */
final class RecordingView<K, V> implements CommandFamilies<K, V> {
  final List<Command<?>> commands = new ArrayList<>();
  private final TypedCodec<K, V> codec;

  RecordingView(TypedCodec<K, V> codec) {
    this.codec = codec;
  }

  @Override
  public <T> T run(Command<T> command) {
    commands.add(command);
    return command.decoder().placeholder();
  }

  @Override
  public TypedCodec<K, V> codec() {
    return codec;
  }

  /** The last command as written on the wire. */
  String last() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RespWriter writer = new RespWriter(out, 64);
    commands.get(commands.size() - 1).write(writer);
    writer.flush();
    return out.toString(StandardCharsets.UTF_8);
  }

  /** The last command's effect and block time. */
  Command<?> lastCommand() {
    return commands.get(commands.size() - 1);
  }
}
