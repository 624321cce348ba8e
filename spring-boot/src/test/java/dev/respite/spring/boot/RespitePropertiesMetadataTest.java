package dev.respite.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.respite.RedisOption;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every driver option is a {@code respite.*} property with a description and its default in the metadata
 * that {@code spring-boot-configuration-processor} generated: a new option fails here until it has one.
 */
class RespitePropertiesMetadataTest {
  private static final Map<String, JsonNode> PROPERTIES = new HashMap<>();

  @BeforeAll
  static void readMetadata() throws IOException {
    try (InputStream in = RespitePropertiesMetadataTest.class.getResourceAsStream(
        "/META-INF/spring-configuration-metadata.json")) {
      assertThat(in).as("generated metadata").isNotNull();
      JsonMapper.builder().build().readTree(in).get("properties")
          .forEach(p -> PROPERTIES.put(p.get("name").asString(), p));
    }
  }

  @Test
  void everyOptionHasAPropertyWithDescriptionTypeAndDefault() {
    for (RedisOption<?> option : RedisOption.all()) {
      String name = RedisConfigFromProperties.propertyName(option);
      JsonNode property = PROPERTIES.get(name);
      assertThat(property).as("property %s for option %s", name, option).isNotNull();
      assertThat(property.path("description").asString("")).as("description of %s", name)
          .isEqualTo(option.description());
      assertThat(property.get("type").asString()).as("type of %s", name)
          .isEqualTo(option.type() == Duration.class ? "java.time.Duration" : option.type().getName());
      Object defaultValue = option.defaultValue();
      if (defaultValue == null) {
        assertThat(property.has("defaultValue")).as("%s has no default", name).isFalse();
      } else {
        assertThat(property.get("defaultValue").asString()).as("default of %s", name)
            .isEqualTo(format(option, defaultValue));
      }
    }
  }

  @Test
  void kebabCaseNamesFollowTheOptionNames() {
    assertThat(RedisConfigFromProperties.propertyName(RedisOption.POOL_MAX_WAIT)).isEqualTo("respite.pool-max-wait");
    assertThat(RedisConfigFromProperties.propertyName(RedisOption.TLS_CA_CERTIFICATE))
        .isEqualTo("respite.tls-ca-certificate");
  }

  @Test
  void urlHealthAndMetricsPropertiesAreDocumented() {
    assertThat(PROPERTIES.get("respite.url").path("description").asString("")).contains("redis://");
    assertThat(PROPERTIES.get("respite.health.timeout").get("defaultValue").asString()).isEqualTo("1s");
    assertThat(PROPERTIES.get("respite.cache.time-to-live").get("defaultValue").asString()).isEqualTo("10m");
    assertThat(PROPERTIES.get("respite.metrics.percentile-histograms").get("defaultValue").asBoolean()).isFalse();
  }

  @SuppressWarnings("unchecked")
  private static String format(RedisOption<?> option, Object value) {
    return ((RedisOption<Object>) option).format(value);
  }
}
