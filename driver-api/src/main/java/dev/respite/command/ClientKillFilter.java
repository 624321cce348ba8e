package dev.respite.command;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Which connections {@code CLIENT KILL} closes: every filter given must match. Immutable:
 * {@code ClientKillFilter.byUser("batch").type(ClientType.NORMAL)}. The calling connection is spared unless
 * {@code skipMe(false)}.
 */
public final class ClientKillFilter {
  private final List<String> arguments;

  private ClientKillFilter(List<String> arguments) {
    this.arguments = arguments;
  }

  /** {@code ID id}: the connection with that {@code CLIENT ID}. */
  public static ClientKillFilter byId(long id) {
    return new ClientKillFilter(List.of()).id(id);
  }

  /** {@code ADDR ip:port}: the connection from that address. */
  public static ClientKillFilter byAddress(String address) {
    return new ClientKillFilter(List.of()).address(address);
  }

  /** {@code LADDR ip:port}: connections to that local address of the server. */
  public static ClientKillFilter byLocalAddress(String address) {
    return new ClientKillFilter(List.of()).localAddress(address);
  }

  /** {@code USER username}: connections authenticated as that user. */
  public static ClientKillFilter byUser(String user) {
    return new ClientKillFilter(List.of()).user(user);
  }

  /** {@code TYPE type}: connections of that kind. */
  public static ClientKillFilter byType(ClientType type) {
    return new ClientKillFilter(List.of()).type(type);
  }

  /** {@code MAXAGE seconds}: connections older than {@code age} (Redis 7.2+). */
  public static ClientKillFilter byMaxAge(Duration age) {
    return new ClientKillFilter(List.of()).maxAge(age);
  }

  /** Also {@code ID id}. */
  public ClientKillFilter id(long id) {
    if (id < 1) {
      throw new IllegalArgumentException("CLIENT KILL ID must be positive, got " + id);
    }
    return with("ID", Long.toString(id));
  }

  /** Also {@code ADDR ip:port}. */
  public ClientKillFilter address(String address) {
    return with("ADDR", checkAddress("ADDR", address));
  }

  /** Also {@code LADDR ip:port}. */
  public ClientKillFilter localAddress(String address) {
    return with("LADDR", checkAddress("LADDR", address));
  }

  /** Also {@code USER username}. */
  public ClientKillFilter user(String user) {
    Objects.requireNonNull(user, "user");
    if (user.isEmpty()) {
      throw new IllegalArgumentException("CLIENT KILL USER needs a user name");
    }
    return with("USER", user);
  }

  /** Also {@code TYPE normal|master|replica|pubsub}. */
  public ClientKillFilter type(ClientType type) {
    return with("TYPE", Objects.requireNonNull(type, "type").name().toLowerCase(Locale.ROOT));
  }

  /** Also {@code MAXAGE seconds} (Redis 7.2+). */
  public ClientKillFilter maxAge(Duration age) {
    if (age.isNegative() || age.isZero()) {
      throw new IllegalArgumentException("CLIENT KILL MAXAGE must be positive, got " + age);
    }
    return with("MAXAGE", Long.toString(Math.max(1, age.getSeconds())));
  }

  /** {@code SKIPME yes|no}: whether the calling connection is spared (yes by default). */
  public ClientKillFilter skipMe(boolean skip) {
    return with("SKIPME", skip ? "yes" : "no");
  }

  /** The arguments after {@code CLIENT KILL}, as sent. */
  public List<String> arguments() {
    return arguments;
  }

  private ClientKillFilter with(String filter, String value) {
    List<String> out = new ArrayList<>(arguments);
    out.add(filter);
    out.add(value);
    return new ClientKillFilter(Collections.unmodifiableList(out));
  }

  private static String checkAddress(String filter, String address) {
    Objects.requireNonNull(address, "address");
    if (address.indexOf(':') < 0) {
      throw new IllegalArgumentException("CLIENT KILL " + filter + " takes ip:port, got " + address);
    }
    return address;
  }

  @Override
  public String toString() {
    return "ClientKillFilter" + arguments;
  }
}
