package dev.respite.it;

/** The same tests in RESP3. */
class PersistenceCommandsResp3IntegrationTest extends PersistenceCommandsIntegrationTest {

  @Override
  String options() {
    return "?protocol=3";
  }
}
