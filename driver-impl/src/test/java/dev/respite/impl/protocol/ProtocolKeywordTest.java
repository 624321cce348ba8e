package dev.respite.impl.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProtocolKeywordTest {

  @Test
  void keywordIsStoredUpperCaseAndEncodedAsABulkString() {
    ProtocolKeyword get = ProtocolKeyword.of("get");
    assertThat(get.name()).isEqualTo("GET");
    assertThat(new String(get.encoded(), StandardCharsets.US_ASCII)).isEqualTo("$3\r\nGET\r\n");
    assertThat(get.toString()).isEqualTo("GET");
  }

  @Test
  void upperCasingIgnoresTheDefaultLocale() {
    Locale saved = Locale.getDefault();
    Locale.setDefault(Locale.forLanguageTag("tr-TR")); // where "i" upper-cases to a dotted capital I
    try {
      assertThat(ProtocolKeyword.of("incr").name()).isEqualTo("INCR");
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void keywordsWithTheSameNameAreEqual() {
    assertThat(ProtocolKeyword.of("Ping")).isEqualTo(ProtocolKeyword.of("PING"))
        .hasSameHashCodeAs(ProtocolKeyword.of("ping"))
        .isNotEqualTo(ProtocolKeyword.of("PONG"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t\n", "GÉT", "日本", "CLIENT SETNAME", "GET\r\n", "\u0000"})
  void blankOrNonAsciiOrSpacedNameIsRefused(String name) {
    assertThatThrownBy(() -> ProtocolKeyword.of(name)).isInstanceOf(IllegalArgumentException.class);
  }
}
