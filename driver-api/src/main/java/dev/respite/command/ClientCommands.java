package dev.respite.command;

import java.time.Duration;
import java.util.List;

/**
 * Commands that inspect and manage the server's client connections. Those that change this connection's
 * own state for good ({@code CLIENT SETNAME}, {@code CLIENT REPLY}, {@code CLIENT TRACKING}) are not here,
 * except {@link #clientNoEvict}, after which the connection is closed rather than pooled.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface ClientCommands<K, V> {

  /** Sends {@code CLIENT LIST}: every connection to the server. */
  List<ClientInfo> clientList();

  /** Sends {@code CLIENT INFO}: this connection. */
  ClientInfo clientInfo();

  /** Sends {@code CLIENT KILL filter...}; returns how many connections were closed. */
  long clientKill(ClientKillFilter filter);

  /**
   * Sends {@code CLIENT PAUSE milliseconds WRITE|ALL}: holds back other clients' commands for that long, or
   * until {@code CLIENT UNPAUSE}.
   */
  void clientPause(Duration duration, PauseMode mode);

  /** Sends {@code CLIENT UNPAUSE}: ends a pause at once. */
  void clientUnpause();

  /**
   * Sends {@code CLIENT NO-EVICT ON|OFF}: whether this connection is spared by the {@code maxmemory-clients}
   * eviction. The connection then goes back to the pool no more: it is closed when the session ends.
   */
  void clientNoEvict(boolean on);
}
