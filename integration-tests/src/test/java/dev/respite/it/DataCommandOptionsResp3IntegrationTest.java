package dev.respite.it;

/** The same tests in RESP3, whose maps, doubles and pairs decode differently. */
class DataCommandOptionsResp3IntegrationTest extends DataCommandOptionsIntegrationTest {

  @Override
  String options() {
    return "?protocol=3";
  }
}
