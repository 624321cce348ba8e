package dev.respite.impl.connection;

import dev.respite.Reply;
import dev.respite.impl.command.Command;
import org.jspecify.annotations.Nullable;

/**
 * What a session changed on its connection that the next borrower must not see, recorded as commands
 * succeed (HikariCP's dirty bits, for Redis). The pool resets exactly this on return.
 */
public final class ConnectionState {
  /** The database is not known, so the next borrower must send {@code SELECT}. */
  public static final int UNKNOWN_DATABASE = -1;
  private static final String QUEUED = "QUEUED";

  private int database;
  private int queuedSelect = UNKNOWN_DATABASE;
  private boolean inMulti;
  private boolean watching;
  private boolean mustClose;

  public ConnectionState(int database) {
    this.database = database;
  }

  /**
   * Records what {@code command} did to the connection, given its outcome: {@code ok} with its decoded
   * {@code value}, or refused by an error reply. Typed and raw commands alike, by their
   * {@linkplain Command#effect() effect}.
   *
   * @return the database the session now uses, if the command changed it; else {@link #UNKNOWN_DATABASE}
   */
  public int track(Command<?> command, @Nullable Object value, boolean ok) {
    switch (command.effect()) {
      case SELECT:
        int index = command.selectedDatabase();
        if (ok && index >= 0) {
          boolean queued = QUEUED.equals(text(value));
          selected(index, queued);
          return queued ? UNKNOWN_DATABASE : index;
        }
        return UNKNOWN_DATABASE;
      case MULTI:
        if (ok) {
          multiStarted();
        }
        return UNKNOWN_DATABASE;
      case EXEC:
        return transactionEnded(ok && value != null && !(value instanceof Reply && ((Reply) value).isNull()));
      case DISCARD:
        transactionEnded(false);
        return UNKNOWN_DATABASE;
      case WATCH:
        if (ok) {
          watched();
        }
        return UNKNOWN_DATABASE;
      case UNWATCH:
        unwatched();
        return UNKNOWN_DATABASE;
      default:
        return UNKNOWN_DATABASE;
    }
  }

  private static @Nullable String text(@Nullable Object value) {
    return value instanceof Reply ? ((Reply) value).asString() : value instanceof String ? (String) value : null;
  }

  /** The database the server has selected for this connection, or {@link #UNKNOWN_DATABASE}. */
  public int database() {
    return database;
  }

  /** Records a {@code SELECT} that succeeded, or that was queued inside {@code MULTI}. */
  public void selected(int index, boolean queued) {
    if (queued) {
      queuedSelect = index;
    } else {
      database = index;
    }
  }

  /** Records a {@code MULTI} that succeeded. */
  public void multiStarted() {
    inMulti = true;
  }

  /**
   * Records an {@code EXEC} or {@code DISCARD}, whatever its outcome: either way the server has left the
   * transaction and forgotten its watched keys.
   *
   * @return the database a queued {@code SELECT} asked for, or {@link #UNKNOWN_DATABASE} if none was
   *     queued
   */
  public int transactionEnded(boolean executed) {
    int queued = queuedSelect;
    inMulti = false;
    watching = false;
    queuedSelect = UNKNOWN_DATABASE;
    if (executed && queued != UNKNOWN_DATABASE) {
      // The queued SELECT ran at EXEC time and may have failed there: ask again on the next borrow.
      database = UNKNOWN_DATABASE;
    }
    return executed ? queued : UNKNOWN_DATABASE;
  }

  /** Records a {@code WATCH} that succeeded. */
  public void watched() {
    watching = true;
  }

  /** Records an {@code UNWATCH}. */
  public void unwatched() {
    watching = false;
  }

  /** Records a command whose effect cannot be undone cheaply, such as {@code SUBSCRIBE} or {@code HELLO}. */
  public void mustClose() {
    mustClose = true;
  }

  /** Whether the connection must be closed instead of lent again. */
  public boolean isMustClose() {
    return mustClose;
  }

  /** Whether a {@code MULTI} is open. */
  public boolean inMulti() {
    return inMulti;
  }

  /** Whether keys are watched outside a transaction. */
  public boolean watching() {
    return watching;
  }
}
