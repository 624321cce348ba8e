package dev.respite.impl.command;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Every command of Redis 7 with its flags and key specifications, read from {@code commands.txt}, which is
 * made from a live server's {@code COMMAND} reply; a test compares it with the server the suite runs, so it
 * cannot drift. Routers read the keys of any frame from here, typed or raw alike.
 */
public final class CommandTable {
  private static final String RESOURCE = "commands.txt";
  private static final Map<String, CommandSpec> SPECS = load();
  /** The lower-case names of the commands that have subcommands ({@code config}, {@code client}...). */
  private static final Set<String> WITH_SUBCOMMANDS = SPECS.keySet().stream()
      .filter(name -> name.indexOf('|') > 0)
      .map(name -> name.substring(0, name.indexOf('|')))
      .collect(Collectors.toUnmodifiableSet());
  /**
   * What a name as callers spell it ({@code SET}, {@code set}) finds, so that looking up a command that has no
   * subcommands (every routed command does) allocates nothing; bounded, since raw names come from callers.
   */
  private static final ConcurrentHashMap<String, Named> BY_NAME = new ConcurrentHashMap<>();
  private static final int MOST_NAMES_REMEMBERED = 1024;

  /** A name's spec, and whether its first argument may name a subcommand with a spec of its own. */
  private record Named(@Nullable CommandSpec spec, boolean hasSubcommands) {}

  private CommandTable() {}

  /**
   * The spec of {@code command}, or of its {@code subcommand} when the command has subcommands
   * ({@code CONFIG GET}); null for a command the table does not know.
   */
  public static @Nullable CommandSpec find(String command, @Nullable String subcommand) {
    Named named = named(command);
    if (subcommand != null && named.hasSubcommands()) {
      CommandSpec sub = SPECS.get(command.toLowerCase(Locale.ROOT) + "|" + subcommand.toLowerCase(Locale.ROOT));
      if (sub != null) {
        return sub;
      }
    }
    return named.spec();
  }

  /** Whether {@code command} has subcommands, so that {@link #find} needs its first argument. */
  public static boolean hasSubcommands(String command) {
    return named(command).hasSubcommands();
  }

  private static Named named(String command) {
    Named named = BY_NAME.get(command);
    if (named == null) {
      String name = command.toLowerCase(Locale.ROOT);
      named = new Named(SPECS.get(name), WITH_SUBCOMMANDS.contains(name));
      if (BY_NAME.size() < MOST_NAMES_REMEMBERED) {
        BY_NAME.putIfAbsent(command, named);
      }
    }
    return named;
  }

  /** Every spec, commands and subcommands. */
  public static Collection<CommandSpec> all() {
    return Collections.unmodifiableCollection(SPECS.values());
  }

  /** Parses one line of the table: {@code name arity flags keyspecs}, {@code -} for none. */
  public static CommandSpec parse(String line) {
    String[] fields = line.trim().split(" ");
    if (fields.length != 4) {
      throw new IllegalArgumentException("Bad command table line: " + line);
    }
    List<KeySpec> keys = new ArrayList<>();
    if (!fields[3].equals("-")) {
      for (String spec : fields[3].split(";")) {
        keys.add(KeySpec.parse(spec));
      }
    }
    return new CommandSpec(fields[0], Integer.parseInt(fields[1]),
        fields[2].equals("-") ? Collections.emptySet()
            : Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(fields[2].split(",")))),
        List.copyOf(keys));
  }

  private static Map<String, CommandSpec> load() {
    Map<String, CommandSpec> specs = new HashMap<>();
    try (InputStream in = Objects.requireNonNull(CommandTable.class.getResourceAsStream(RESOURCE), RESOURCE);
         BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (!line.isBlank() && !line.startsWith("#")) {
          CommandSpec spec = parse(line);
          specs.put(spec.name(), spec);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the command table " + RESOURCE, e);
    }
    return Map.copyOf(specs);
  }
}
