package dev.respite.metrics;

import dev.respite.spi.RedisListener.BatchKind;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.SenderContext;
import org.jspecify.annotations.Nullable;

/**
 * What an observation of a Redis command, pipeline or transaction knows: the command's name (never its
 * arguments), the database and the server. A client-kind {@link SenderContext} with no carrier: Redis has no
 * headers to propagate a trace through.
 */
public final class RedisObservationContext extends SenderContext<Object> {
  private final Object binding;
  private final String command;
  private final int database;
  private final @Nullable BatchKind batch;
  private final int commands;
  private final String serverAddress;
  private final int serverPort;
  private final String poolName;
  private final boolean queryText;

  RedisObservationContext(Object binding, String command, int database, @Nullable BatchKind batch, int commands,
      String serverAddress, int serverPort, String poolName, boolean queryText) {
    super((carrier, key, value) -> { }, Kind.CLIENT);
    this.binding = binding;
    this.command = command;
    this.database = database;
    this.batch = batch;
    this.commands = commands;
    this.serverAddress = serverAddress;
    this.serverPort = serverPort;
    this.poolName = poolName;
    this.queryText = queryText;
    setRemoteServiceName("redis");
    setRemoteServiceAddress("redis://" + serverAddress + ":" + serverPort);
  }

  /** The command's name in upper case ({@code GET}), or {@code PIPELINE} or {@code MULTI} for a batch. */
  public String command() {
    return command;
  }

  /** The database index the session was using. */
  public int database() {
    return database;
  }

  /** The kind of batch, or null for a single command. */
  public @Nullable BatchKind batch() {
    return batch;
  }

  /** Commands sent: 1, or how many the pipeline or transaction held. */
  public int commands() {
    return commands;
  }

  /** The server's host, as configured. */
  public String serverAddress() {
    return serverAddress;
  }

  /** The server's port. */
  public int serverPort() {
    return serverPort;
  }

  /** The data source's pool name. */
  public String poolName() {
    return poolName;
  }

  /** Whether {@code db.query.text} (the command's name, nothing more) was asked for. */
  public boolean queryText() {
    return queryText;
  }

  /** Whether this observation belongs to {@code binding}: one data source's listener ignores another's. */
  boolean isOf(Object binding) {
    return this.binding == binding;
  }
}
