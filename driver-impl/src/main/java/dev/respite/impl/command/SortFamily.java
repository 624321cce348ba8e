package dev.respite.impl.command;

import static dev.respite.impl.command.Keywords.*;

import dev.respite.command.SortCommands;
import dev.respite.command.SortOptions;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@link SortCommands} as commands. */
public interface SortFamily<K, V> extends SortCommands<K, V>, CommandContext<K, V> {

  @Override
  default List<@Nullable V> sort(K key, SortOptions options) {
    return run(Command.<List<@Nullable V>>of(SORT, codec().nullableValues, sortArgs(args().key(key), options).array()));
  }

  @Override
  default List<@Nullable V> sortReadOnly(K key, SortOptions options) {
    return run(Command.<List<@Nullable V>>of(SORT_RO, codec().nullableValues, sortArgs(args().key(key), options).array()));
  }

  @Override
  default long sortStore(K key, SortOptions options, K destination) {
    return run(Command.of(SORT, Decoders.LONG, sortArgs(args().key(key), options).add(STORE).key(destination)
        .array()));
  }

  /** The options in the order the server documents: BY, LIMIT, GET..., ASC|DESC, ALPHA. */
  private static <A extends Args<?, ?>> A sortArgs(A args, SortOptions options) {
    String by = options.byPattern();
    if (by != null) {
      args.add(BY).add(by);
    }
    if (options.count() >= 0) {
      args.add(LIMIT).add(options.offset()).add(options.count());
    }
    for (String pattern : options.getPatterns()) {
      args.add(GET).add(pattern);
    }
    if (options.isDescending()) {
      args.add(DESC);
    }
    if (options.isAlpha()) {
      args.add(ALPHA);
    }
    return args;
  }
}
