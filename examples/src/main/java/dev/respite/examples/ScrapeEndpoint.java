package dev.respite.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A Prometheus scrape endpoint, {@code GET /metrics} in the text exposition format, on the loopback
 * interface only: the JDK's own HTTP server, so the example needs no web framework.
 */
final class ScrapeEndpoint implements AutoCloseable {
  private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final HttpServer server;

  private ScrapeEndpoint(HttpServer server) {
    this.server = server;
  }

  /** Serves {@code registry} on {@code port} of the loopback address; 0 picks a free port. */
  static ScrapeEndpoint start(PrometheusMeterRegistry registry, int port) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot listen on loopback port " + port, e);
    }
    server.createContext("/metrics", exchange -> {
      try (exchange) {
        respond(exchange, registry);
      }
    });
    server.start();
    return new ScrapeEndpoint(server);
  }

  private static void respond(HttpExchange exchange, PrometheusMeterRegistry registry) throws IOException {
    if (!"GET".equals(exchange.getRequestMethod())) {
      exchange.sendResponseHeaders(405, -1);
      return;
    }
    byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** Where Prometheus scrapes, such as {@code http://127.0.0.1:9464/metrics}. */
  URI uri() {
    InetSocketAddress address = server.getAddress();
    return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + "/metrics");
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
