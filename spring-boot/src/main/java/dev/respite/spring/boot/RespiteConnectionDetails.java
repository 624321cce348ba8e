package dev.respite.spring.boot;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where the auto-configured {@link dev.respite.RedisDataSource} connects. By default it is read from
 * {@code respite.url}; a service connection ({@code @ServiceConnection} on a Testcontainers container, or a
 * service of {@code spring-boot-docker-compose}) provides one instead, and then wins over the
 * {@code respite.host}, {@code port}, {@code database}, {@code username}, {@code password} and {@code tls}
 * properties. Every other {@code respite.*} option still applies.
 */
public interface RespiteConnectionDetails extends ConnectionDetails {

  /** A {@code redis://} or {@code rediss://} URL: host, port, credentials, database and query options. */
  String url();
}
