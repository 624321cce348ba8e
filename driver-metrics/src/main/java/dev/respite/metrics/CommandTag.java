package dev.respite.metrics;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * What the {@code db.operation.name} tag says for a command: its name, its name only when it is in a
 * chosen set ({@value #OTHER} otherwise), or nothing at all (the tag is left out).
 */
final class CommandTag {
  /** The tag value of a command outside the chosen set. */
  static final String OTHER = "other";

  private static final CommandTag EVERY = new CommandTag(true, null);
  private static final CommandTag NONE = new CommandTag(false, null);

  private final boolean tagged;
  private final @Nullable Set<String> names;

  private CommandTag(boolean tagged, @Nullable Set<String> names) {
    this.tagged = tagged;
    this.names = names;
  }

  /** Every command under its own name. */
  static CommandTag every() {
    return EVERY;
  }

  /** No {@code db.operation.name} tag at all: one timer per database and outcome. */
  static CommandTag none() {
    return NONE;
  }

  /**
   * Only these commands under their own names (compared in upper case); the rest as {@value #OTHER}.
   *
   * @throws IllegalArgumentException if a name is blank
   */
  static CommandTag only(Iterable<String> commands) {
    Set<String> names = new TreeSet<>();
    for (String command : commands) {
      if (command == null || command.isBlank()) {
        throw new IllegalArgumentException("Command names for the db.operation.name tag must not be blank");
      }
      names.add(command.strip().toUpperCase(Locale.ROOT));
    }
    return new CommandTag(true, Set.copyOf(names));
  }

  /** Whether the timers carry a {@code db.operation.name} tag. */
  boolean isTagged() {
    return tagged;
  }

  /**
   * The tag value for {@code command} (upper case, as the driver reports it), or the empty string when the
   * tag is off. Allocates nothing.
   */
  String valueFor(String command) {
    if (!tagged) {
      return "";
    }
    Set<String> allowed = names;
    return allowed == null || allowed.contains(command) ? command : OTHER;
  }

  @Override
  public String toString() {
    return !tagged ? "off" : names == null ? "every command" : names.toString();
  }
}
