package dev.respite.spring.boot;

import dev.respite.RedisConfig;
import dev.respite.RedisOption;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.BeanWrapperImpl;

/**
 * Builds the {@link RedisConfig} of the auto-configured data source: the connection details' URL, then every
 * {@link RedisOption} whose property is set. Driven by {@link RedisOption#all()}, so no option is forgotten:
 * an option without a {@link RespiteProperties} field fails here, and in {@code RespitePropertiesMetadataTest}.
 */
final class RedisConfigFromProperties {
  /** Options a service connection decides; their properties are ignored when one is in use. */
  private static final Set<RedisOption<?>> CONNECTION_OPTIONS = Set.of(RedisOption.HOST, RedisOption.PORT,
      RedisOption.DATABASE, RedisOption.USERNAME, RedisOption.PASSWORD, RedisOption.TLS);

  private RedisConfigFromProperties() {}

  /**
   * The configuration; a refused value is an {@link InvalidRespitePropertyException} naming its property.
   */
  static RedisConfig build(RespiteProperties properties, RespiteConnectionDetails details) {
    boolean fromProperties = details instanceof PropertiesRespiteConnectionDetails;
    RedisConfig.Builder builder = RedisConfig.builder();
    try {
      builder.url(details.url());
    } catch (IllegalArgumentException e) {
      throw new InvalidRespitePropertyException(fromProperties ? "respite.url" : "service connection URL",
          String.valueOf(e.getMessage()), e);
    }
    BeanWrapper bean = new BeanWrapperImpl(properties);
    for (RedisOption<?> option : RedisOption.all()) {
      if (!fromProperties && CONNECTION_OPTIONS.contains(option)) {
        continue;
      }
      Object value = bean.getPropertyValue(option.name());
      if (value != null) {
        set(builder, option, value);
      }
    }
    try {
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw new InvalidRespitePropertyException("respite.*", String.valueOf(e.getMessage()), e);
    }
  }

  /** {@code poolMaxWait} becomes {@code respite.pool-max-wait}. */
  static String propertyName(RedisOption<?> option) {
    StringBuilder name = new StringBuilder("respite.");
    for (char c : option.name().toCharArray()) {
      if (Character.isUpperCase(c)) {
        name.append('-').append(Character.toLowerCase(c));
      } else {
        name.append(c);
      }
    }
    return name.toString().toLowerCase(Locale.ROOT);
  }

  @SuppressWarnings("unchecked")
  private static void set(RedisConfig.Builder builder, RedisOption<?> option, @Nullable Object value) {
    try {
      builder.set((RedisOption<Object>) option, value);
    } catch (IllegalArgumentException e) {
      throw new InvalidRespitePropertyException(propertyName(option), String.valueOf(e.getMessage()), e);
    }
  }
}
