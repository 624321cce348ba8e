package dev.respite.examples;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One scrape of a Prometheus endpoint, parsed from the text exposition format into samples. */
final class PrometheusScrape {
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** One line such as {@code name{a="1",b="2"} 3.0}. */
  record Sample(String name, Map<String, String> labels, double value) {}

  private final String contentType;
  private final String text;
  private final List<Sample> samples;

  private PrometheusScrape(String contentType, String text, List<Sample> samples) {
    this.contentType = contentType;
    this.text = text;
    this.samples = samples;
  }

  /** Scrapes {@code uri} once. */
  static PrometheusScrape fetch(URI uri) throws IOException, InterruptedException {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("GET " + uri + " answered " + response.statusCode());
    }
    return new PrometheusScrape(response.headers().firstValue("Content-Type").orElse(""), response.body(),
        parse(response.body()));
  }

  /** Scrapes until {@code ready} holds, at most {@code timeout}; returns the last scrape either way. */
  static PrometheusScrape await(URI uri, Predicate<PrometheusScrape> ready, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    PrometheusScrape scrape = fetch(uri);
    while (!ready.test(scrape) && System.nanoTime() < deadline) {
      Thread.sleep(100);
      scrape = fetch(uri);
    }
    return scrape;
  }

  private static List<Sample> parse(String text) {
    List<Sample> samples = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      String series = line.substring(0, space);
      double value = Double.parseDouble(line.substring(space + 1));
      int brace = series.indexOf('{');
      Map<String, String> labels = new LinkedHashMap<>();
      if (brace >= 0) {
        Matcher label = LABEL.matcher(series.substring(brace));
        while (label.find()) {
          labels.put(label.group(1), label.group(2));
        }
      }
      samples.add(new Sample(brace < 0 ? series : series.substring(0, brace), labels, value));
    }
    return samples;
  }

  String contentType() {
    return contentType;
  }

  String text() {
    return text;
  }

  /** Every sample name the scrape exposes, such as {@code db_client_connection_timeouts_total}. */
  Set<String> names() {
    Set<String> names = new TreeSet<>();
    samples.forEach(sample -> names.add(sample.name()));
    return names;
  }

  /** The samples named {@code name} whose labels include {@code labels} (name, value, name, value...). */
  List<Sample> samples(String name, String... labels) {
    List<Sample> found = new ArrayList<>();
    for (Sample sample : samples) {
      if (sample.name().equals(name) && hasLabels(sample, labels)) {
        found.add(sample);
      }
    }
    return found;
  }

  /** The sum of the values of {@link #samples(String, String...)}. */
  double sum(String name, String... labels) {
    return samples(name, labels).stream().mapToDouble(Sample::value).sum();
  }

  private static boolean hasLabels(Sample sample, String[] labels) {
    for (int i = 0; i < labels.length; i += 2) {
      if (!labels[i + 1].equals(sample.labels().get(labels[i]))) {
        return false;
      }
    }
    return true;
  }
}
