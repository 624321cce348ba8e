package dev.respite.command;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The report of {@code INFO}, parsed: sections ({@code server}, {@code memory}, {@code keyspace}...) of
 * {@code field:value} lines. Immutable. Values stay text, as the server sent them:
 * {@code Long.parseLong(info.get("connected_clients"))}.
 */
public final class ServerInfo {
  private final Map<String, Map<String, String>> sections;

  private ServerInfo(Map<String, Map<String, String>> sections) {
    this.sections = sections;
  }

  /**
   * Parses {@code INFO}'s text: a {@code # Name} line starts a section, each {@code field:value} line belongs
   * to the section before it; blank lines are ignored. Section names are lower-cased.
   */
  public static ServerInfo parse(String text) {
    Objects.requireNonNull(text, "text");
    Map<String, Map<String, String>> sections = new LinkedHashMap<>();
    Map<String, String> current = null;
    for (String raw : text.split("\r?\n")) {
      String line = raw.strip();
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith("#")) {
        current = new LinkedHashMap<>();
        sections.put(line.substring(1).strip().toLowerCase(Locale.ROOT), current);
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        continue; // not a field line; INFO has none, but a future server may add prose
      }
      if (current == null) {
        current = new LinkedHashMap<>();
        sections.put("", current);
      }
      current.put(line.substring(0, colon), line.substring(colon + 1));
    }
    Map<String, Map<String, String>> frozen = new LinkedHashMap<>();
    sections.forEach((name, fields) -> frozen.put(name, Collections.unmodifiableMap(fields)));
    return new ServerInfo(Collections.unmodifiableMap(frozen));
  }

  /** The names of the sections present, lower-case, in the server's order. */
  public Set<String> sectionNames() {
    return sections.keySet();
  }

  /** The fields of section {@code name} (any case); empty if the reply has no such section. */
  public Map<String, String> section(String name) {
    Map<String, String> fields = sections.get(name.toLowerCase(Locale.ROOT));
    return fields == null ? Map.of() : fields;
  }

  /** The value of {@code field} in whichever section holds it; null if none does. */
  public @Nullable String get(String field) {
    Objects.requireNonNull(field, "field");
    for (Map<String, String> fields : sections.values()) {
      String value = fields.get(field);
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ServerInfo && sections.equals(((ServerInfo) o).sections);
  }

  @Override
  public int hashCode() {
    return sections.hashCode();
  }

  @Override
  public String toString() {
    return "ServerInfo" + sections.keySet();
  }
}
