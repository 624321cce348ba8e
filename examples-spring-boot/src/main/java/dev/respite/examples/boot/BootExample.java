package dev.respite.examples.boot;

import dev.respite.testsupport.LocalRedisServer;
import java.util.Arrays;
import java.util.Map;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.ContextClosedEvent;

/**
 * A small REST service on Respite: {@code GET /books/{isbn}} (a {@code @Cacheable} lookup),
 * {@code POST /visits} (a counter with {@code INCR}), {@code /actuator/health} and
 * {@code /actuator/prometheus}, on http://127.0.0.1:8080.
 *
 * <p>It uses {@code respite.url} (or {@code REDIS_URL}) when given; otherwise it starts a throwaway
 * {@code redis-server} on a free loopback port and stops it when the application stops.
 */
@SpringBootApplication
@EnableCaching
public class BootExample {

  /** Runs the service until it is stopped (Ctrl-C). */
  public static void main(String[] args) {
    start(args);
  }

  /** Starts the service, with a throwaway redis-server unless a URL is given. */
  public static ConfigurableApplicationContext start(String... args) {
    SpringApplication application = new SpringApplication(BootExample.class);
    String url = System.getenv("REDIS_URL");
    boolean urlGiven = (url != null && !url.isBlank()) || System.getenv("RESPITE_URL") != null
        || System.getProperty("respite.url") != null || Arrays.stream(args)
        .anyMatch(a -> a.startsWith("--respite.url="));
    if (url != null && !url.isBlank()) {
      application.setDefaultProperties(Map.of("respite.url", url));
    } else if (!urlGiven) {
      LocalRedisServer server = LocalRedisServer.launch();
      System.out.println("Started a throwaway redis-server at " + server.url());
      application.setDefaultProperties(Map.of("respite.url", server.url()));
      application.addListeners(new ApplicationListener<ContextClosedEvent>() {
        @Override
        public void onApplicationEvent(ContextClosedEvent event) {
          server.close();
        }
      });
    }
    return application.run(args);
  }

  /** A few books, so that the lookup has something to find. */
  @Bean
  ApplicationRunner seedCatalog(BookCatalog catalog) {
    return args -> {
      catalog.add(new Book("9780131103627", "The C Programming Language", "Kernighan and Ritchie"));
      catalog.add(new Book("9780262033848", "Introduction to Algorithms", "Cormen et al."));
    };
  }
}
