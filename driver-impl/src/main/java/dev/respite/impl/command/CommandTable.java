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
import org.jspecify.annotations.Nullable;

/**
 * Every command of Redis 7 with its flags and key specifications, read from {@code commands.txt}, which is
 * made from a live server's {@code COMMAND} reply; a test compares it with the server the suite runs, so it
 * cannot drift. Routers read the keys of any frame from here, typed or raw alike.
 */
public final class CommandTable {
  private static final String RESOURCE = "commands.txt";
  private static final Map<String, CommandSpec> SPECS = load();

  private CommandTable() {}

  /**
   * The spec of {@code command}, or of its {@code subcommand} when the command has subcommands
   * ({@code CONFIG GET}); null for a command the table does not know.
   */
  public static @Nullable CommandSpec find(String command, @Nullable String subcommand) {
    String name = command.toLowerCase(Locale.ROOT);
    if (subcommand != null) {
      CommandSpec sub = SPECS.get(name + "|" + subcommand.toLowerCase(Locale.ROOT));
      if (sub != null) {
        return sub;
      }
    }
    return SPECS.get(name);
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
