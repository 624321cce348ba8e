package dev.respite.it;

/** The same tests in RESP3, whose maps, doubles and pairs decode differently. */
class StreamAndSortedSetOptionsResp3IntegrationTest extends StreamAndSortedSetOptionsIntegrationTest {

  @Override
  String options() {
    return "?protocol=3";
  }
}
