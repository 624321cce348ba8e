package dev.respite.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.respite.RedisDataSource;
import dev.respite.RedisSession;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

/** The data source, metrics and health auto-configurations, each condition with and without. */
class RespiteAutoConfigurationTest extends ServerPerTestClass {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(RespiteAutoConfiguration.class,
          RespiteMetricsAutoConfiguration.class, RespiteHealthContributorAutoConfiguration.class))
      .withPropertyValues("respite.url=" + server.url());

  @Test
  void dataSourceFromTheUrlWorksAndClosesWithTheContext() {
    RedisDataSource[] kept = new RedisDataSource[1];
    runner.run(context -> {
      RedisDataSource dataSource = context.getBean(RedisDataSource.class);
      kept[0] = dataSource;
      try (RedisSession session = dataSource.openSession()) {
        assertThat(session.ping()).isEqualTo("PONG");
      }
      assertThat(dataSource.config().port()).isEqualTo(server.port());
    });
    assertThat(kept[0].isClosed()).isTrue();
  }

  @Test
  void optionPropertiesBindAndWinOverTheUrlWhichKeepsTheRest() {
    runner.withPropertyValues("respite.url=" + server.url() + "?poolMaxTotal=16&clientName=fromurl",
            "respite.pool-max-wait=250ms", "respite.socket-timeout=3s", "respite.client-name=billing",
            "respite.pool-min-idle=1", "respite.protocol=3", "respite.tls=false")
        .run(context -> {
          var config = context.getBean(RedisDataSource.class).config();
          assertThat(config.poolMaxWait()).isEqualTo(Duration.ofMillis(250));
          assertThat(config.socketTimeout()).isEqualTo(Duration.ofSeconds(3));
          assertThat(config.clientName()).isEqualTo("billing");
          assertThat(config.poolMaxTotal()).isEqualTo(16);
          assertThat(config.poolMinIdle()).isEqualTo(1);
          assertThat(config.protocol()).isEqualTo(3);
        });
  }

  @Test
  void aBadValueFailsStartupNamingThePropertyAndNeverThePassword() {
    runner.withPropertyValues("respite.url=redis://:s3cret-pass@localhost:" + server.port(),
            "respite.pool-max-wait=-1s")
        .run(context -> {
          assertThat(context).hasFailed();
          Throwable failure = context.getStartupFailure();
          FailureAnalysis analysis = new InvalidRespitePropertyFailureAnalyzer().analyze(failure);
          assertThat(analysis).isNotNull();
          assertThat(analysis.getDescription()).contains("respite.pool-max-wait").contains("must not be negative")
              .doesNotContain("s3cret-pass");
          assertThat(analysis.getAction()).contains("respite.pool-max-wait");
        });
  }

  @Test
  void contradictoryOptionsFailStartupNamingThem() {
    runner.withPropertyValues("respite.pool-max-total=4", "respite.pool-max-idle=9")
        .run(context -> {
          FailureAnalysis analysis = new InvalidRespitePropertyFailureAnalyzer().analyze(context.getStartupFailure());
          assertThat(analysis.getDescription()).contains("respite.*").contains("poolMaxIdle (9)")
              .contains("poolMaxTotal (4)");
        });
  }

  @Test
  void aBadUrlFailsStartupNamingRespiteUrlAndNeverThePassword() {
    runner.withPropertyValues("respite.url=http://:s3cret-pass@localhost:" + server.port())
        .run(context -> {
          FailureAnalysis analysis = new InvalidRespitePropertyFailureAnalyzer().analyze(context.getStartupFailure());
          assertThat(analysis.getDescription()).contains("respite.url").doesNotContain("s3cret-pass");
        });
  }

  @Test
  void aServiceConnectionDecidesWhereToConnectAndTheOtherOptionsStillApply() {
    runner.withPropertyValues("respite.url=redis://localhost:1", "respite.port=2", "respite.pool-max-total=3")
        .withBean(RespiteConnectionDetails.class, () -> () -> server.url())
        .run(context -> {
          RedisDataSource dataSource = context.getBean(RedisDataSource.class);
          assertThat(dataSource.config().port()).isEqualTo(server.port());
          assertThat(dataSource.config().poolMaxTotal()).isEqualTo(3);
          try (RedisSession session = dataSource.openSession()) {
            assertThat(session.ping()).isEqualTo("PONG");
          }
        });
  }

  @Test
  void theRegisteredFailureAnalyzerReportsAStartupFailureByPropertyName() {
    SpringApplication application = new SpringApplication(Startup.class);
    application.setWebApplicationType(WebApplicationType.NONE);
    Throwable failure = catchThrowable(() -> application.run(
        "--respite.url=redis://:s3cret-pass@localhost:" + server.port(), "--respite.pool-max-total=0"));
    assertThat(failure).hasRootCauseMessage("Invalid value '0' for option poolMaxTotal: must be between 1 and 100000");
    List<FailureAnalyzer> registered = SpringFactoriesLoader.forDefaultResourceLocation()
        .load(FailureAnalyzer.class, FailureHandler.handleMessage((message, cause) -> { }));
    FailureAnalysis analysis = registered.stream()
        .filter(InvalidRespitePropertyFailureAnalyzer.class::isInstance).findFirst().orElseThrow()
        .analyze(failure);
    assertThat(analysis.getDescription())
        .contains("Respite could not be configured: property respite.pool-max-total is not valid")
        .contains("must be between 1 and 100000").doesNotContain("s3cret-pass");
  }

  @Test
  void aUserDefinedDataSourceWinsAndHealthAndMetricsUseIt() {
    runner.withUserConfiguration(UserDataSource.class)
        .withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
            SimpleMetricsExportAutoConfiguration.class))
        .run(context -> {
          RedisDataSource dataSource = context.getBean(RedisDataSource.class);
          assertThat(dataSource.poolName()).isEqualTo("users-own");
          HealthIndicator health = context.getBean("respiteHealthIndicator", HealthIndicator.class);
          assertThat(health.health().getDetails()).containsEntry("pool", "users-own");
          MeterRegistry registry = context.getBean(MeterRegistry.class);
          assertThat(registry.find("db.client.connection.max").tag("pool.name", "users-own").gauge()).isNotNull();
        });
  }

  @Test
  void withMicrometerTheDataSourceIsBoundWithoutHistogramsByDefault() {
    runner.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
            SimpleMetricsExportAutoConfiguration.class))
        .withPropertyValues("respite.pool-name=bound")
        .run(context -> {
          try (RedisSession session = context.getBean(RedisDataSource.class).openSession()) {
            session.set("k", "v");
          }
          MeterRegistry registry = context.getBean(MeterRegistry.class);
          assertThat(registry.find("db.client.operation.duration").tag("pool.name", "bound")
              .tag("db.operation.name", "SET").timer().count()).isEqualTo(1);
          assertThat(registry.find("db.client.connection.max").gauge().value()).isEqualTo(8);
          assertThat(context.getBean(RespiteProperties.class).getMetrics().isPercentileHistograms()).isFalse();
        });
  }

  @Test
  void withoutMicrometerOrWithoutARegistryNothingIsBound() {
    runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
        .run(context -> assertThat(context).hasSingleBean(RedisDataSource.class)
            .doesNotHaveBean(RespiteMeterBinder.class));
    runner.run(context -> assertThat(context).doesNotHaveBean(RespiteMeterBinder.class));
  }

  @Test
  void healthIsUpWithPoolDetails() {
    runner.run(context -> {
      Health health = context.getBean("respiteHealthIndicator", HealthIndicator.class).health();
      assertThat(health.getStatus()).isEqualTo(Status.UP);
      assertThat(health.getDetails()).containsEntry("ping", "PONG").containsKeys("active", "idle", "pending")
          .containsEntry("max", 8);
    });
  }

  @Test
  void withoutActuatorOrWhenDisabledThereIsNoHealthContributor() {
    runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
        .run(context -> assertThat(context).hasSingleBean(RedisDataSource.class)
            .doesNotHaveBean("respiteHealthIndicator"));
    runner.withPropertyValues("management.health.respite.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean("respiteHealthIndicator"));
  }

  @Test
  void healthTimeoutBinds() {
    runner.withPropertyValues("respite.health.timeout=300ms")
        .run(context -> assertThat(context.getBean(RespiteProperties.class).getHealth().getTimeout())
            .isEqualTo(Duration.ofMillis(300)));
  }

  @Configuration(proxyBeanMethods = false)
  @ImportAutoConfiguration(RespiteAutoConfiguration.class)
  static class Startup {}
}
