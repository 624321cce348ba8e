package dev.respite.spring.boot;

/** {@link RespiteConnectionDetails} read from {@code respite.url} ({@code redis://localhost:6379} when unset). */
final class PropertiesRespiteConnectionDetails implements RespiteConnectionDetails {
  static final String DEFAULT_URL = "redis://localhost:6379";

  private final RespiteProperties properties;

  PropertiesRespiteConnectionDetails(RespiteProperties properties) {
    this.properties = properties;
  }

  @Override
  public String url() {
    String url = properties.getUrl();
    return url == null ? DEFAULT_URL : url;
  }

  @Override
  public String toString() {
    return "respite.url";   // never the URL itself: it may hold the password
  }
}
