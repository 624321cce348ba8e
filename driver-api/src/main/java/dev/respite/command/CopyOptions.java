package dev.respite.command;

/** The optional arguments of {@code COPY}: {@code DB destination-db} and {@code REPLACE}. Immutable. */
public final class CopyOptions {
  private static final CopyOptions NONE = new CopyOptions(-1, false);

  private final int database;
  private final boolean replace;

  private CopyOptions(int database, boolean replace) {
    this.database = database;
    this.replace = replace;
  }

  /** No option. */
  public static CopyOptions none() {
    return NONE;
  }

  /** {@code DB database}: copy into another database. */
  public CopyOptions database(int database) {
    if (database < 0) {
      throw new IllegalArgumentException("Database index must not be negative: " + database);
    }
    return new CopyOptions(database, replace);
  }

  /** {@code REPLACE}: overwrite the destination. */
  public CopyOptions replace() {
    return new CopyOptions(database, true);
  }

  /** The destination database, or -1 for the session's. */
  public int database() {
    return database;
  }

  /** Whether {@code REPLACE} is sent. */
  public boolean isReplace() {
    return replace;
  }
}
