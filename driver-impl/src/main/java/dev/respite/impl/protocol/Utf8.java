package dev.respite.impl.protocol;

/**
 * UTF-8 lengths computed the way {@link String#getBytes(java.nio.charset.Charset) getBytes(UTF_8)} encodes,
 * so that a bulk header can be written before the string is encoded into the buffer.
 */
final class Utf8 {
  /** What the JDK's UTF-8 encoder writes for an unpaired surrogate. */
  static final byte REPLACEMENT = '?';

  private Utf8() {}

  /** How many chars at the start of {@code value} are ASCII, each encoded as the one byte of its value. */
  static int asciiPrefix(String value) {
    int n = value.length();
    int i = 0;
    while (i < n && value.charAt(i) < 0x80) {
      i++;
    }
    return i;
  }

  /**
   * The number of bytes {@code value} takes in UTF-8, given that its first {@code asciiPrefix} chars are
   * ASCII; a long, since three bytes per char can exceed an int.
   */
  static long encodedLength(String value, int asciiPrefix) {
    int n = value.length();
    long length = asciiPrefix;
    for (int i = asciiPrefix; i < n; i++) {
      char c = value.charAt(i);
      if (c < 0x80) {
        length += 1;
      } else if (c < 0x800) {
        length += 2;
      } else if (!Character.isSurrogate(c)) {
        length += 3;
      } else if (isPairAt(value, i)) {
        length += 4;
        i++;
      } else {
        length += 1;
      }
    }
    return length;
  }

  /** Whether a high surrogate at {@code i} is followed by a low one, making one supplementary character. */
  static boolean isPairAt(String value, int i) {
    return Character.isHighSurrogate(value.charAt(i)) && i + 1 < value.length()
        && Character.isLowSurrogate(value.charAt(i + 1));
  }
}
