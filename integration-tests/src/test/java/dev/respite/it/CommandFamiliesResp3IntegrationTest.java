package dev.respite.it;

/** The same family tests in RESP3, whose maps, doubles, sets and nulls decode differently. */
class CommandFamiliesResp3IntegrationTest extends CommandFamiliesIntegrationTest {

  @Override
  String options() {
    return "?protocol=3";
  }
}
