package dev.respite.it.modes;

/** The every-command table in RESP3, whose maps, doubles, sets, booleans and nulls decode differently. */
class EveryCommandEveryModeResp3IntegrationTest extends EveryCommandEveryModeIntegrationTest {

  @Override
  String options() {
    return "?protocol=3";
  }
}
