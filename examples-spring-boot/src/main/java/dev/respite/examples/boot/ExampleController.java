package dev.respite.examples.boot;

import dev.respite.RedisDataSource;
import dev.respite.RedisSession;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The example's HTTP API. */
@RestController
public class ExampleController {
  private final BookCatalog catalog;
  private final RedisDataSource redis;

  public ExampleController(BookCatalog catalog, RedisDataSource redis) {
    this.catalog = catalog;
    this.redis = redis;
  }

  /** A book as JSON, or 404. */
  @GetMapping("/books/{isbn}")
  public ResponseEntity<Book> book(@PathVariable("isbn") String isbn) {
    Book book = catalog.find(isbn);
    return book == null ? ResponseEntity.notFound().build() : ResponseEntity.ok(book);
  }

  /** Counts a visit with {@code INCR visits} and returns the count. */
  @PostMapping("/visits")
  public long visit() {
    try (RedisSession session = redis.openSession()) {
      return session.incr("visits");
    }
  }
}
