package dev.respite.impl.command;

import java.util.Locale;

/**
 * Where one group of a command's keys stands in its arguments: Redis 7's key specification (a
 * {@code begin_search} step, then a {@code find_keys} step), as {@code COMMAND INFO} gives it. Positions count
 * the command name as 0, as Redis does.
 *
 * <p>Written in the command table as {@code index:N} or {@code keyword:WORD:startfrom}, then {@code /}, then
 * {@code range:lastkey:step:limit} or {@code keynum:keynumidx:firstkey:step}; {@code unknown} for either
 * part when the keys cannot be found from the arguments.
 */
record KeySpec(Begin begin, int beginIndex, String keyword, Find find, int a, int b, int c) {
  /** How the first key is found. */
  enum Begin { INDEX, KEYWORD, UNKNOWN }

  /** How the keys after the first are found. */
  enum Find { RANGE, KEYNUM, UNKNOWN }

  /** Reads one specification in the table's notation. */
  static KeySpec parse(String text) {
    String[] parts = text.split("/", -1);
    if (parts.length != 2) {
      throw new IllegalArgumentException("Bad key specification: " + text);
    }
    String[] begin = parts[0].split(":", -1);
    String[] find = parts[1].split(":", -1);
    Begin beginType = Begin.valueOf(begin[0].toUpperCase(Locale.ROOT));
    Find findType = Find.valueOf(find[0].toUpperCase(Locale.ROOT));
    return new KeySpec(beginType,
        beginType == Begin.UNKNOWN ? 0 : Integer.parseInt(begin[beginType == Begin.INDEX ? 1 : 2]),
        beginType == Begin.KEYWORD ? begin[1] : "",
        findType,
        findType == Find.UNKNOWN ? 0 : Integer.parseInt(find[1]),
        findType == Find.UNKNOWN ? 0 : Integer.parseInt(find[2]),
        findType == Find.UNKNOWN ? 0 : Integer.parseInt(find[3]));
  }

  /** The specification in the table's notation. */
  String text() {
    String first = switch (begin) {
      case INDEX -> "index:" + beginIndex;
      case KEYWORD -> "keyword:" + keyword + ":" + beginIndex;
      case UNKNOWN -> "unknown";
    };
    String rest = switch (find) {
      case RANGE -> "range:" + a + ":" + b + ":" + c;
      case KEYNUM -> "keynum:" + a + ":" + b + ":" + c;
      case UNKNOWN -> "unknown";
    };
    return first + "/" + rest;
  }

  /**
   * Adds the positions of this group's keys in a command of {@code argc} words (the name included) to
   * {@code out}, which it returns; {@code words} gives the text of a word, for keywords and key counts.
   */
  KeyPositions collect(int argc, WordText words, KeyPositions out) {
    if (begin == Begin.UNKNOWN || find == Find.UNKNOWN) {
      out.incomplete();
      return out;
    }
    int first = firstKey(argc, words);
    if (first < 0 || first >= argc) {
      return out;
    }
    switch (find) {
      case RANGE -> {
        int last = a >= 0 ? first + a : argc + a; // lastkey: relative to the first key, or from the end
        if (a < 0 && c > 1) {
          last = first + (argc - first) / c - 1; // limit: the keys are 1/limit of what remains (XREAD)
        }
        for (int i = first; i <= Math.min(last, argc - 1); i += Math.max(1, b)) {
          out.add(i);
        }
      }
      case KEYNUM -> {
        int countAt = first + a;
        long count = countAt < argc ? words.number(countAt) : -1;
        for (long k = 0, i = first + b; k < count && i < argc; k++, i += Math.max(1, c)) {
          out.add((int) i);
        }
      }
      case UNKNOWN -> throw new AssertionError("checked above");
    }
    return out;
  }

  private int firstKey(int argc, WordText words) {
    switch (begin) {
      case INDEX:
        return beginIndex;
      case KEYWORD:
        int from = beginIndex >= 0 ? beginIndex : argc + beginIndex;
        int step = beginIndex >= 0 ? 1 : -1;
        for (int i = from; i > 0 && i < argc; i += step) {
          if (keyword.equalsIgnoreCase(words.text(i))) {
            return i + 1;
          }
        }
        return -1;
      default:
        return -1;
    }
  }

  /** Reads a command's words by position. */
  interface WordText {
    /** The word at {@code index} as text, or null if it is not text (binary data). */
    @org.jspecify.annotations.Nullable String text(int index);

    /** The word at {@code index} as a whole number, or -1 if it is not one. */
    long number(int index);
  }
}
