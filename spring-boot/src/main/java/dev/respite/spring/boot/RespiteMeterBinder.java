package dev.respite.spring.boot;

import dev.respite.RedisDataSource;
import dev.respite.metrics.RespiteMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.DisposableBean;

/**
 * Binds a data source's meters ({@link RespiteMetrics}: OpenTelemetry names) to each registry Boot hands it,
 * and removes them when the context closes.
 */
final class RespiteMeterBinder implements MeterBinder, DisposableBean {
  private final RedisDataSource dataSource;
  private final boolean percentileHistograms;
  private final List<RespiteMetrics> bindings = new ArrayList<>();

  RespiteMeterBinder(RedisDataSource dataSource, boolean percentileHistograms) {
    this.dataSource = dataSource;
    this.percentileHistograms = percentileHistograms;
  }

  @Override
  public synchronized void bindTo(MeterRegistry registry) {
    bindings.add(RespiteMetrics.builder().percentileHistograms(percentileHistograms).bind(dataSource, registry));
  }

  @Override
  public synchronized void destroy() {
    bindings.forEach(RespiteMetrics::close);
    bindings.clear();
  }
}
