package dev.respite.command;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One connection as {@code CLIENT LIST} and {@code CLIENT INFO} describe it: {@code field=value} pairs
 * ({@code id}, {@code addr}, {@code name}, {@code db}, {@code flags}, {@code cmd}...). Immutable.
 */
public final class ClientInfo {
  private final Map<String, String> fields;

  private ClientInfo(Map<String, String> fields) {
    this.fields = fields;
  }

  /** Parses one line of {@code CLIENT LIST}: space-separated {@code field=value} pairs. */
  public static ClientInfo parse(String line) {
    Objects.requireNonNull(line, "line");
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : line.strip().split(" ")) {
      int equals = pair.indexOf('=');
      if (equals > 0) {
        fields.put(pair.substring(0, equals), pair.substring(equals + 1));
      }
    }
    return new ClientInfo(Collections.unmodifiableMap(fields));
  }

  /** Every field, in the server's order. */
  public Map<String, String> fields() {
    return fields;
  }

  /** The value of {@code field}, or null if the server did not send it. */
  public @Nullable String get(String field) {
    return fields.get(field);
  }

  /** {@code id}: the connection's id, as {@code CLIENT ID} gives it. */
  public long id() {
    return Long.parseLong(required("id"));
  }

  /** {@code addr}: the client's address, {@code ip:port}. */
  public String address() {
    return required("addr");
  }

  /** {@code name}: set by {@code CLIENT SETNAME}; null if unnamed. */
  public @Nullable String name() {
    String name = fields.get("name");
    return name == null || name.isEmpty() ? null : name;
  }

  /** {@code user}: the ACL user it authenticated as. */
  public @Nullable String user() {
    return fields.get("user");
  }

  /** {@code db}: its current database. */
  public int database() {
    return Integer.parseInt(required("db"));
  }

  /** {@code flags}: one letter per flag ({@code N}: none, {@code x}: in MULTI, {@code e}: no-evict...). */
  public String flags() {
    return required("flags");
  }

  private String required(String field) {
    String value = fields.get(field);
    if (value == null) {
      throw new IllegalStateException("The client description has no " + field + " field: " + fields.keySet());
    }
    return value;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ClientInfo && fields.equals(((ClientInfo) o).fields);
  }

  @Override
  public int hashCode() {
    return fields.hashCode();
  }

  @Override
  public String toString() {
    return "ClientInfo[id=" + fields.get("id") + ", addr=" + fields.get("addr") + "]";
  }
}
