package dev.respite.examples.boot;

import dev.respite.RedisDataSource;
import dev.respite.RedisSession;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;

/**
 * Books, read with {@code HGETALL} and cached in the {@code books} cache (JSON in Redis, 10 minutes): the
 * second lookup of an ISBN is one {@code GET} of the cache entry, no {@code HGETALL}.
 */
@Service
public class BookCatalog {
  private final RedisDataSource redis;

  public BookCatalog(RedisDataSource redis) {
    this.redis = redis;
  }

  /** The book, or null when the catalog has none with this ISBN. */
  @Cacheable("books")
  public @Nullable Book find(String isbn) {
    try (RedisSession session = redis.openSession()) {
      Map<String, String> fields = session.hgetAll("book:" + isbn);
      return fields.isEmpty() ? null : new Book(isbn, fields.get("title"), fields.get("author"));
    }
  }

  /** Adds or replaces a book. */
  public void add(Book book) {
    try (RedisSession session = redis.openSession()) {
      session.hset("book:" + book.isbn(), Map.of("title", book.title(), "author", book.author()));
    }
  }
}
