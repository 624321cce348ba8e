package dev.respite.examples.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.respite.testsupport.CommandStats;
import dev.respite.testsupport.LocalRedisServer;
import dev.respite.testsupport.RawRedisClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The example started as {@code main} starts it, on a random loopback port, driven over real HTTP against a
 * redis-server of its own; the server is paused, killed and restarted at the end.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BootExampleEndToEndTest {
  private static final String ISBN = "9780131103627";
  private static final long HEALTH_BOUND_MILLIS = 1_000 + 2_000;   // respite.health.timeout plus a margin

  private static LocalRedisServer server;
  private static ConfigurableApplicationContext application;
  private static RawRedisClient raw;
  private static String base;
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void start() {
    server = LocalRedisServer.launch();
    raw = new RawRedisClient(server.port());
    application = BootExample.start("--respite.url=" + server.url(), "--server.port=0");
    int port = ((WebServerApplicationContext) application).getWebServer().getPort();
    base = "http://127.0.0.1:" + port;
  }

  @AfterAll
  static void stop() {
    if (application != null) {
      application.close();
    }
    raw.close();
    server.close();
  }

  @Test
  @Order(1)
  void theSecondLookupIsACacheHitThatNeverReachesTheCatalog() throws Exception {
    raw.call("CONFIG", "RESETSTAT");
    HttpResponse<String> first = get("/books/" + ISBN);
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.body()).contains("The C Programming Language");
    long hgetallAfterFirst = CommandStats.calls(raw, "hgetall");
    long getAfterFirst = CommandStats.calls(raw, "get");
    assertThat(hgetallAfterFirst).isEqualTo(1);

    HttpResponse<String> second = get("/books/" + ISBN);
    assertThat(second.body()).isEqualTo(first.body());
    assertThat(CommandStats.calls(raw, "hgetall")).isEqualTo(hgetallAfterFirst);
    assertThat(CommandStats.calls(raw, "get")).isEqualTo(getAfterFirst + 1);   // the cache entry only
    assertThat((Long) raw.call("PTTL", "example:books::" + ISBN)).isBetween(1L, 600_000L);
    assertThat(get("/books/0000").statusCode()).isEqualTo(404);
  }

  @Test
  @Order(2)
  void theCounterCountsWithIncr() throws Exception {
    long before = CommandStats.calls(raw, "incr");
    long first = Long.parseLong(post("/visits").body());
    long second = Long.parseLong(post("/visits").body());
    assertThat(second).isEqualTo(first + 1);
    assertThat(CommandStats.calls(raw, "incr")).isEqualTo(before + 2);
  }

  @Test
  @Order(3)
  void prometheusShowsTheDriverAndCacheMeters() throws Exception {
    String scrape = get("/actuator/prometheus").body();
    assertThat(scrape).contains("db_client_operation_duration_seconds_count{")
        .contains("db_operation_name=\"HGETALL\"").contains("pool_name=\"example\"")
        .contains("db_client_connection_max{").contains("db_client_connection_pending_requests{")
        .containsPattern("cache_gets_total\\{cache=\"books\",[^}]*result=\"hit\"[^}]*} [1-9]")
        .doesNotContain("db_client_operation_duration_seconds_bucket");
  }

  @Test
  @Order(4)
  void healthIsUpWithPoolDetails() throws Exception {
    HttpResponse<String> health = get("/actuator/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(respite(health).path("status").asString()).isEqualTo("UP");
    assertThat(respite(health).at("/details/max").asInt()).isEqualTo(8);
    assertThat(respite(health).at("/details/ping").asString()).isEqualTo("PONG");
    assertThat(respite(health).at("/details").has("pending")).isTrue();
  }

  @Test
  @Order(5)
  void healthGoesDownWithinItsTimeoutWhenTheServerIsPausedThenUp() throws Exception {
    // Every client is paused, this one too: the pause ends by itself (CLIENT UNPAUSE would wait for it).
    raw.call("CLIENT", "PAUSE", "3000", "ALL");
    long start = System.nanoTime();
    HttpResponse<String> health = get("/actuator/health");
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(HEALTH_BOUND_MILLIS);
    assertThat(health.statusCode()).isEqualTo(503);
    assertThat(respite(health).path("status").asString()).isEqualTo("DOWN");
    assertThat(respite(health).at("/details/error").asString()).contains("PING");
    assertThat(upWithin(Duration.ofSeconds(10))).isTrue();
  }

  @Test
  @Order(6)
  void healthGoesDownWhenTheServerIsKilledAndUpAfterARestart() throws Exception {
    server.kill();
    long start = System.nanoTime();
    HttpResponse<String> health = get("/actuator/health");
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(HEALTH_BOUND_MILLIS);
    assertThat(health.statusCode()).isEqualTo(503);
    assertThat(respite(health).path("status").asString()).isEqualTo("DOWN");
    server.restart();
    assertThat(upWithin(Duration.ofSeconds(10))).isTrue();
  }

  private static boolean upWithin(Duration limit) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      if (get("/actuator/health").statusCode() == 200) {
        return true;
      }
      Thread.sleep(100);
    }
    return false;
  }

  private static JsonNode respite(HttpResponse<String> health) {
    return JsonMapper.shared().readTree(health.body()).at("/components/respite");
  }

  private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String path) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
  }
}
