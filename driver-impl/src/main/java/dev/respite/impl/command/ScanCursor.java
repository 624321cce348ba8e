package dev.respite.impl.command;

import dev.respite.Reply;
import dev.respite.command.ScanOptions;
import dev.respite.impl.protocol.ProtocolKeyword;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * Walks a {@code SCAN}-family cursor one page at a time as the caller iterates, so that the cursor never
 * shows. A page's items are decoded one by one, or in pairs for {@code HSCAN} and {@code ZSCAN}.
 *
 * @param <T> the item type
 */
final class ScanCursor<T> implements Iterator<T> {
  private final CommandContext<?, ?> context;
  private final ProtocolKeyword command;
  private final @Nullable Object key;
  private final ScanOptions options;
  private final ReplyDecoder<ScanPage<T>> pageDecoder;
  private String cursor = "0";
  private boolean finished;
  private List<T> page = List.of();
  private int index;

  private record ScanPage<T>(String cursor, List<T> items) {}

  private ScanCursor(CommandContext<?, ?> context, ProtocolKeyword command, @Nullable Object key,
      ScanOptions options, int itemWidth, Function<List<Reply>, T> item) {
    this.context = context;
    this.command = command;
    this.key = key;
    this.options = options;
    this.pageDecoder = ReplyDecoder.of(new ScanPage<>("0", List.of()), reply -> {
      List<Reply> parts = reply.asList();
      List<Reply> items = parts.get(1).asList();
      List<T> decoded = new java.util.ArrayList<>(items.size() / itemWidth);
      for (int i = 0; i + itemWidth <= items.size(); i += itemWidth) {
        decoded.add(item.apply(items.subList(i, i + itemWidth)));
      }
      return new ScanPage<>(Decoders.text(parts.get(0)), decoded);
    });
  }

  /** A stream of the items of {@code command} over {@code key} (null for {@code SCAN} itself). */
  static <T> Stream<T> stream(CommandContext<?, ?> context, ProtocolKeyword command, @Nullable Object key,
      ScanOptions options, int itemWidth, Function<List<Reply>, T> item) {
    ScanCursor<T> cursor = new ScanCursor<>(context, command, key, options, itemWidth, item);
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(cursor, Spliterator.ORDERED), false);
  }

  @Override
  public boolean hasNext() {
    while (index == page.size()) {
      if (finished) {
        return false;
      }
      ScanPage<T> next = context.run(Command.of(command, pageDecoder, arguments()));
      cursor = next.cursor();
      finished = "0".equals(cursor);
      page = next.items();
      index = 0;
    }
    return true;
  }

  @Override
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException("The scan is complete");
    }
    return page.get(index++);
  }

  private Object[] arguments() {
    Args<?, ?> args = context.args();
    if (key != null) {
      args.add(key);
    }
    args.add(cursor);
    String pattern = options.pattern();
    if (pattern != null) {
      args.add(Keywords.MATCH).add(pattern);
    }
    if (options.count() > 0) {
      args.add(Keywords.COUNT).add(options.count());
    }
    String type = options.type();
    if (type != null) {
      args.add(Keywords.TYPE).add(type);
    }
    return args.array();
  }
}
