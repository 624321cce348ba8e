package dev.respite;

/** The RESP type of a {@link Reply}. RESP2 uses only a subset; RESP3 (protocol 3) may send any. */
public enum ReplyType {
  /** {@code +OK}: a short text. */
  SIMPLE_STRING,
  /** {@code $}: a binary-safe string. */
  BULK_STRING,
  /** {@code =}: a string with a format such as {@code txt}; {@link Reply#asString()} gives it without it. */
  VERBATIM_STRING,
  /** {@code -} or {@code !}: an error inside an aggregate, such as one command's failure in {@code EXEC}. */
  ERROR,
  /** {@code :}: a signed 64-bit integer. */
  INTEGER,
  /** {@code ,}: a double (RESP3). */
  DOUBLE,
  /** {@code (}: an integer of any size (RESP3). */
  BIG_NUMBER,
  /** {@code #}: true or false (RESP3). */
  BOOLEAN,
  /** {@code _}, {@code $-1} or {@code *-1}: no value. */
  NULL,
  /** {@code *}: an ordered list. */
  ARRAY,
  /** {@code %}: key-value pairs (RESP3). */
  MAP,
  /** {@code ~}: an unordered collection (RESP3). */
  SET,
  /** {@code >}: an out-of-band message such as a pub/sub message (RESP3). */
  PUSH
}
