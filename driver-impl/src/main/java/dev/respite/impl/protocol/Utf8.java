package dev.respite.impl.protocol;

/**
 * UTF-8 lengths computed the way {@link String#getBytes(java.nio.charset.Charset) getBytes(UTF_8)} encodes,
 * so that a bulk header can be written before the string is encoded into the buffer.
 */
final class Utf8 {
  /** What the JDK's UTF-8 encoder writes for an unpaired surrogate. */
  static final byte REPLACEMENT = '?';

  private Utf8() {}

  /** The number of bytes the first {@code n} chars of {@code chars} take in UTF-8. */
  static long encodedLength(char[] chars, int n) {
    long length = n; // one byte per char, plus what longer encodings add
    for (int i = 0; i < n; i++) {
      char c = chars[i];
      if (c < 0x80) {
        continue;
      }
      if (c < 0x800) {
        length += 1;
      } else if (!Character.isSurrogate(c)) {
        length += 2;
      } else if (isPairAt(chars, i, n)) {
        length += 2; // four bytes for the pair's two chars
        i++;
      }
    }
    return length;
  }

  /** Whether a high surrogate at {@code i} is followed, before {@code n}, by a low one: one code point. */
  static boolean isPairAt(char[] chars, int i, int n) {
    return Character.isHighSurrogate(chars[i]) && i + 1 < n && Character.isLowSurrogate(chars[i + 1]);
  }
}
