package dev.respite.command;

/** A kind of connection, as {@code CLIENT KILL TYPE} and {@code CLIENT LIST TYPE} name them. */
public enum ClientType {
  /** An ordinary client. */
  NORMAL,
  /** The connection to this server's master (on a replica). */
  MASTER,
  /** A replica connected to this server. */
  REPLICA,
  /** A client in pub/sub mode. */
  PUBSUB
}
