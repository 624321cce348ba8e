package dev.respite.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.respite.testsupport.LocalRedisServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard in {@code dashboards/} queries only series that Respite really exports: each
 * panel's PromQL is read from the JSON and every metric name in it is looked up in a live scrape.
 */
class GrafanaDashboardTest {
  private static final Pattern EXPR = Pattern.compile("\"expr\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)");
  private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
  private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
      "group_right", "bool", "offset", "and", "or", "unless", "inf", "nan");

  @Test
  void everyPanelQueriesOnlySeriesTheScrapeExposes() throws Exception {
    Assumptions.assumeTrue(LocalRedisServer.isAvailable(), "needs the redis-server binary");
    String dashboard = Files.readString(dashboardFile(), StandardCharsets.UTF_8);
    List<String> expressions = expressions(dashboard);
    assertThat(expressions).as("one or more queries per panel").hasSizeGreaterThanOrEqualTo(8);

    Set<String> queried = new TreeSet<>();
    for (String expr : expressions) {
      Set<String> names = metricNames(expr);
      assertThat(names).as("metric names in %s", expr).isNotEmpty();
      queried.addAll(names);
    }
    Matcher variable = LABEL_VALUES.matcher(dashboard);
    while (variable.find()) {
      queried.add(variable.group(1));
    }
    assertThat(queried).as("the issue's panels").contains("db_client_operation_duration_seconds_count",
        "db_client_operation_duration_seconds_bucket", "db_client_connection_count",
        "db_client_connection_pending_requests", "db_client_connection_wait_time_seconds_sum",
        "db_client_connection_timeouts_total", "respite_subscriber_message_duration_seconds_count");

    try (LocalRedisServer server = LocalRedisServer.launch();
         MetricsExample example = MetricsExample.start(server.url(), 0)) {
      PrometheusScrape scrape = PrometheusScrape.await(example.scrapeUri(),
          s -> s.names().containsAll(queried), Duration.ofSeconds(20));
      assertThat(scrape.names()).containsAll(queried);
    }
  }

  @Test
  void metricNamesAreTheIdentifiersThatAreNeitherFunctionsLabelsNorKeywords() {
    assertThat(metricNames("sum by (pool_name) (rate(a_sum{pool_name=~\"$pool\", x!=\"y{z}\"}[$__rate_interval]))"
        + " / on (pool_name) sum without (le) (rate(a_count[5m] offset 1h)) > bool 0.5"))
        .containsExactlyInAnyOrder("a_sum", "a_count");
    assertThat(metricNames("histogram_quantile(0.99, sum by (le) (rate(b_bucket[1m])))")).containsExactly("b_bucket");
  }

  /** Each panel target's {@code expr}, JSON escapes undone. */
  static List<String> expressions(String json) {
    List<String> expressions = new ArrayList<>();
    Matcher expr = EXPR.matcher(json);
    while (expr.find()) {
      expressions.add(unescape(expr.group(1)));
    }
    return expressions;
  }

  /**
   * The metric names a PromQL expression selects: identifiers left once strings, label matchers, ranges and
   * grouping clauses are gone, not followed by {@code (} (a function or aggregation) and not a keyword.
   */
  static Set<String> metricNames(String expr) {
    String bare = STRING.matcher(expr).replaceAll("\"\"")
        .replaceAll("\\{[^}]*}", " ")
        .replaceAll("\\[[^\\]]*]", " ")
        .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
        .replaceAll("\\$\\w+", " ");
    Set<String> names = new TreeSet<>();
    Matcher identifier = IDENTIFIER.matcher(bare);
    while (identifier.find()) {
      String word = identifier.group();
      boolean call = bare.substring(identifier.end()).stripLeading().startsWith("(");
      boolean number = identifier.start() > 0 && Character.isDigit(bare.charAt(identifier.start() - 1));
      if (!call && !number && !KEYWORDS.contains(word.toLowerCase(java.util.Locale.ROOT))) {
        names.add(word);
      }
    }
    return names;
  }

  private static String unescape(String json) {
    StringBuilder text = new StringBuilder(json.length());
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (c != '\\') {
        text.append(c);
        continue;
      }
      char escaped = json.charAt(++i);
      switch (escaped) {
        case 'n' -> text.append('\n');
        case 't' -> text.append('\t');
        case 'r' -> text.append('\r');
        case 'b' -> text.append('\b');
        case 'f' -> text.append('\f');
        case 'u' -> {
          text.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
          i += 4;
        }
        default -> text.append(escaped);
      }
    }
    return text.toString();
  }

  /** {@code dashboards/} at the repository root, found from wherever the tests run. */
  private static Path dashboardFile() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path file = dir.resolve("dashboards").resolve("respite-redis.json");
      if (Files.isRegularFile(file)) {
        return file;
      }
    }
    throw new IllegalStateException("dashboards/respite-redis.json not found above " + Path.of("").toAbsolutePath());
  }
}
