package dev.respite.impl.connection;

/**
 * What a session changed on its connection that the next borrower must not see, recorded as commands
 * succeed (HikariCP's dirty bits, for Redis). The pool resets exactly this on return.
 */
public final class ConnectionState {
  /** The database is not known, so the next borrower must send {@code SELECT}. */
  public static final int UNKNOWN_DATABASE = -1;

  private int database;
  private int queuedSelect = UNKNOWN_DATABASE;
  private boolean inMulti;
  private boolean watching;
  private boolean mustClose;

  public ConnectionState(int database) {
    this.database = database;
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
