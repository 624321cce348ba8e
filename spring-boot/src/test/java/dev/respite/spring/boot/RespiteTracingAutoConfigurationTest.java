package dev.respite.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.respite.RedisDataSource;
import dev.respite.RedisSession;
import dev.respite.metrics.RespiteTracing;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** With an {@link ObservationRegistry} in the context, every command of the data source is observed. */
class RespiteTracingAutoConfigurationTest extends ServerPerTestClass {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(RespiteAutoConfiguration.class, RespiteTracingAutoConfiguration.class))
      .withPropertyValues("respite.url=" + server.url());

  @Test
  void anObservationRegistryInTheContextObservesEveryCommand() {
    List<String> stopped = new CopyOnWriteArrayList<>();
    ObservationRegistry registry = ObservationRegistry.create();
    registry.observationConfig().observationHandler(new ObservationHandler<>() {
      @Override
      public boolean supportsContext(Observation.Context context) {
        return true;
      }

      @Override
      public void onStop(Observation.Context context) {
        stopped.add(context.getName() + " " + context.getLowCardinalityKeyValue("db.operation.name").getValue());
      }
    });
    runner.withBean(ObservationRegistry.class, () -> registry).run(context -> {
      assertThat(context).hasSingleBean(RespiteTracing.class);
      try (RedisSession session = context.getBean(RedisDataSource.class).openSession()) {
        session.set("traced", "v");
      }
      assertThat(stopped).contains("respite.command SET");
    });
  }

  @Test
  void withoutARegistryOrWithoutMicrometerNothingIsObserved() {
    runner.run(context -> assertThat(context).hasSingleBean(RedisDataSource.class)
        .doesNotHaveBean(RespiteTracing.class));
    runner.withClassLoader(new FilteredClassLoader(ObservationRegistry.class))
        .run(context -> assertThat(context).doesNotHaveBean(RespiteTracing.class));
  }
}
