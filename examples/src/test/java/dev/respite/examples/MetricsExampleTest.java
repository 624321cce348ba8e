package dev.respite.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.respite.testsupport.LocalRedisServer;
import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The example serves every Respite meter, under its OpenTelemetry name, in Prometheus' text format. */
class MetricsExampleTest {
  private static LocalRedisServer server;
  private static MetricsExample example;
  private static PrometheusScrape scrape;

  @BeforeAll
  static void runExampleUntilTheLoadHasHitAnError() throws Exception {
    Assumptions.assumeTrue(LocalRedisServer.isAvailable(), "needs the redis-server binary");
    server = LocalRedisServer.launch();
    example = MetricsExample.start(server.url(), 0);
    scrape = PrometheusScrape.await(example.scrapeUri(),
        s -> s.sum("db_client_operation_duration_seconds_count", "error_type", "WRONGTYPE") > 0,
        Duration.ofSeconds(20));
  }

  @AfterAll
  static void stop() {
    if (example != null) {
      example.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void endpointListensOnLoopbackOnlyAndSpeaksPrometheusText() throws Exception {
    assertThat(InetAddress.getByName(example.scrapeUri().getHost()).isLoopbackAddress()).isTrue();
    assertThat(scrape.contentType()).startsWith("text/plain; version=0.0.4");
    assertThat(scrape.text()).contains("# TYPE db_client_operation_duration_seconds histogram",
        "# TYPE db_client_connection_count gauge", "# TYPE db_client_connection_timeouts_total counter");
  }

  @Test
  void commandTimersCarryTheOpenTelemetryLabels() {
    String[] get = {"db_operation_name", "GET", "db_system_name", "redis", "db_namespace", "0",
        "server_address", "127.0.0.1", "server_port", Integer.toString(server.port()), "pool_name", "example",
        "error_type", ""};
    assertThat(scrape.sum("db_client_operation_duration_seconds_count", get)).isPositive();
    assertThat(scrape.sum("db_client_operation_duration_seconds_sum", get)).isPositive();
    assertThat(scrape.samples("db_client_operation_duration_seconds_bucket", get)).hasSizeGreaterThan(10);
    assertThat(scrape.sum("db_client_operation_duration_seconds_count", "db_operation_name", "SET")).isPositive();
    assertThat(scrape.sum("db_client_operation_duration_seconds_count", "db_operation_name", "INCR")).isPositive();
    assertThat(scrape.sum("db_client_operation_duration_seconds_count", "db_operation_name", "GET",
        "error_type", "WRONGTYPE")).isPositive();
  }

  @Test
  void subscriberMessagesAreServed() throws Exception {
    PrometheusScrape later = PrometheusScrape.await(example.scrapeUri(),
        s -> s.sum("respite_subscriber_message_duration_seconds_count", "pool_name", "example") > 0,
        Duration.ofSeconds(20));
    assertThat(later.sum("respite_subscriber_message_duration_seconds_count", "pool_name", "example")).isPositive();
    assertThat(later.text()).contains("# TYPE respite_subscriber_message_duration_seconds histogram");
  }

  @Test
  void poolMetersAreServedForThePool() {
    // Under load, each gauge reads the pool at its own instant (all 4 busy, then all 4 back), so even
    // their sum may read 0: only bounds hold here. PoolMetricsIntegrationTest checks exact values at rest.
    for (String state : new String[] {"used", "idle"}) {
      assertThat(scrape.samples("db_client_connection_count", "pool_name", "example", "state", state)).hasSize(1);
      assertThat(scrape.sum("db_client_connection_count", "pool_name", "example", "state", state))
          .as(state).isBetween(0.0, 4.0);
    }
    assertThat(scrape.sum("db_client_connection_max", "pool_name", "example")).isEqualTo(4);
    assertThat(scrape.sum("db_client_connection_idle_max", "pool_name", "example")).isEqualTo(4);
    assertThat(scrape.samples("db_client_connection_idle_min", "pool_name", "example")).hasSize(1);
    assertThat(scrape.samples("db_client_connection_pending_requests", "pool_name", "example")).hasSize(1);
    assertThat(scrape.samples("db_client_connection_timeouts_total", "pool_name", "example")).hasSize(1);
    assertThat(scrape.sum("db_client_connection_create_time_seconds_count", "pool_name", "example")).isPositive();
    assertThat(scrape.sum("db_client_connection_wait_time_seconds_count", "pool_name", "example")).isPositive();
    assertThat(scrape.sum("db_client_connection_use_time_seconds_count", "pool_name", "example")).isPositive();
  }
}
