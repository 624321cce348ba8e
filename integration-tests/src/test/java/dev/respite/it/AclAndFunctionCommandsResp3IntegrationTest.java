package dev.respite.it;

/** The same tests in RESP3, whose maps, sets and doubles decode differently. */
class AclAndFunctionCommandsResp3IntegrationTest extends AclAndFunctionCommandsIntegrationTest {

  @Override
  String options() {
    return "?protocol=3";
  }
}
