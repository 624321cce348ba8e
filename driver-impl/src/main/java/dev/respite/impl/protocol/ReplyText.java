package dev.respite.impl.protocol;

import dev.respite.Reply;
import dev.respite.ReplyType;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The display form of a reply, in the style of redis-cli ({@code OK}, {@code (integer) 5}, {@code (nil)},
 * numbered elements). Bounded in size, because replies end up in logs and debugger views: long strings,
 * long lists and deep nesting are cut short.
 */
final class ReplyText {
  private static final int MAX_CHARS = 2000;
  private static final int MAX_ELEMENTS = 50;
  private static final int MAX_STRING_BYTES = 200;

  private ReplyText() {}

  static String render(Reply reply) {
    StringBuilder out = new StringBuilder();
    append(out, reply);
    return out.toString();
  }

  // Recursion is bounded by MAX_CHARS: every level writes an element number before going deeper.
  private static void append(StringBuilder out, Reply reply) {
    switch (reply.type()) {
      case SIMPLE_STRING:
        out.append(EscapedText.plain(bytesOf(reply), MAX_STRING_BYTES));
        break;
      case BULK_STRING:
      case VERBATIM_STRING:
        out.append(EscapedText.quote(bytesOf(reply), MAX_STRING_BYTES));
        break;
      case ERROR:
        out.append("(error) ").append(EscapedText.plain(bytesOf(reply), MAX_STRING_BYTES));
        break;
      case BIG_NUMBER:
        out.append("(big number) ").append(EscapedText.plain(bytesOf(reply), MAX_STRING_BYTES));
        break;
      case INTEGER:
        out.append("(integer) ").append(reply.asString());
        break;
      case DOUBLE:
        out.append("(double) ").append(reply.asString());
        break;
      case BOOLEAN:
        out.append(reply.asBoolean() ? "(true)" : "(false)");
        break;
      case NULL:
        out.append("(nil)");
        break;
      default:
        appendAggregate(out, reply);
    }
  }

  private static void appendAggregate(StringBuilder out, Reply reply) {
    List<Reply> elements = reply.asList();
    ReplyType type = reply.type();
    if (elements.isEmpty()) {
      out.append("(empty ").append(type.name().toLowerCase(java.util.Locale.ROOT)).append(')');
      return;
    }
    boolean map = type == ReplyType.MAP;
    String marker = map ? "# " : type == ReplyType.SET ? "~ " : ") ";
    int count = map ? elements.size() / 2 : elements.size();
    int column = out.length() - out.lastIndexOf("\n") - 1;
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        out.append('\n').append(" ".repeat(column));
      }
      if (i >= MAX_ELEMENTS || out.length() > MAX_CHARS) {
        out.append("... (").append(count - i).append(" more)");
        return;
      }
      out.append(i + 1).append(marker);
      if (map) {
        append(out, elements.get(2 * i));
        out.append(" => ");
        append(out, elements.get(2 * i + 1));
      } else {
        append(out, elements.get(i));
      }
    }
  }

  private static byte[] bytesOf(Reply reply) {
    if (reply instanceof StringReply) {
      return ((StringReply) reply).bytes();
    }
    String text = reply.asString();
    return text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
  }
}
