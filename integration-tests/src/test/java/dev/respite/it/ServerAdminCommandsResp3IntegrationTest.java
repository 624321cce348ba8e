package dev.respite.it;

/** The same tests in RESP3, whose verbatim strings and maps decode differently. */
class ServerAdminCommandsResp3IntegrationTest extends ServerAdminCommandsIntegrationTest {

  @Override
  String options() {
    return "?protocol=3";
  }
}
