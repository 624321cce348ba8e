package dev.respite.impl.protocol;

/** The first byte of each RESP value, and how to name an unexpected one in an error message. */
final class TypeByte {
  static final int SIMPLE_STRING = '+';
  static final int SIMPLE_ERROR = '-';
  static final int INTEGER = ':';
  static final int BULK_STRING = '$';
  static final int ARRAY = '*';
  static final int NULL = '_';
  static final int BOOLEAN = '#';
  static final int DOUBLE = ',';
  static final int BIG_NUMBER = '(';
  static final int BULK_ERROR = '!';
  static final int VERBATIM_STRING = '=';
  static final int MAP = '%';
  static final int ATTRIBUTE = '|';
  static final int SET = '~';
  static final int PUSH = '>';

  private TypeByte() {}

  /** {@code 'x' (0x78)} for a printable byte, {@code 0x0a} for any other, so that a log line stays one line. */
  static String describe(int b) {
    int unsigned = b & 0xFF;
    String hex = String.format("0x%02x", unsigned);
    return unsigned >= 0x20 && unsigned < 0x7F ? "'" + (char) unsigned + "' (" + hex + ")" : hex;
  }
}
