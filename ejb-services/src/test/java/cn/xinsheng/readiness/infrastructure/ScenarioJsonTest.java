package cn.xinsheng.readiness.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.readiness.domain.ReadinessRefusal;
import cn.xinsheng.readiness.domain.Scenario;
import cn.xinsheng.readiness.domain.ScenarioAttempt;
import cn.xinsheng.readiness.domain.ScenarioAttempt.Step;
import cn.xinsheng.readiness.domain.ScenarioAttempt.Step.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The metro ticket machine, read from its file and played right, wrong and too slowly. */
class ScenarioJsonTest {

  static String file(String name) throws IOException {
    try (InputStream in =
        ScenarioJsonTest.class.getResourceAsStream("/cn/xinsheng/readiness/scenarios/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static final class Steps {
    final List<Step> list = new ArrayList<>();
    long t;

    Steps touch(String element) {
      t += 4000;
      list.add(new Step(Kind.TOUCH, element, null, t));
      return this;
    }

    Steps type(String element, String value) {
      t += 6000;
      list.add(new Step(Kind.INPUT, element, value, t));
      return this;
    }

    Steps hint() {
      t += 1000;
      list.add(new Step(Kind.HINT, null, null, t));
      return this;
    }
  }

  @Test
  void playedRightTheMachineGivesFullMarksAndFullWidthDigitsCountAsDigits() throws IOException {
    Scenario metro = ScenarioJson.read(file("metro-ticket.json"));
    Steps s =
        new Steps()
            .touch("buy")
            .touch("line-2")
            .touch("peoples-square")
            .type("count", "１") // typed with a Chinese input method
            .touch("cash")
            .type("amount", " 10 ")
            .touch("take-both");
    ScenarioAttempt.Result r = ScenarioAttempt.replay(metro, s.list);
    assertTrue(r.completed());
    assertEquals(100, r.score());
    assertTrue(r.passed());
    assertEquals(List.of(), r.mistakes());
    assertEquals(
        List.of("home", "line", "station", "quantity", "payment", "insert-cash", "take", "done"),
        r.path());
  }

  @Test
  void everyMistakeAndHintCostsItsPointsAndTheAttemptStillEnds() throws IOException {
    Scenario metro = ScenarioJson.read(file("metro-ticket.json"));
    Steps s =
        new Steps()
            .touch("top-up") // WRONG_FUNCTION 10
            .touch("buy")
            .touch("line-1") // WRONG_LINE 10
            .hint() // 5
            .touch("line-2")
            .touch("lujiazui") // WRONG_STATION 15
            .touch("peoples-square")
            .type("count", "2") // WRONG_QUANTITY 10
            .type("count", "1")
            .touch("cash")
            .type("amount", "2") // NOT_ENOUGH_CASH 10
            .type("amount", "5")
            .touch("take-ticket"); // FORGOT_CHANGE 20
    ScenarioAttempt.Result r = ScenarioAttempt.replay(metro, s.list);
    assertTrue(r.completed());
    assertEquals(100 - 10 - 10 - 5 - 15 - 10 - 10 - 20, r.score());
    assertFalse(r.passed());
    assertEquals(1, r.hints());
    assertEquals(
        List.of(
            "WRONG_FUNCTION",
            "WRONG_LINE",
            "WRONG_STATION",
            "WRONG_QUANTITY",
            "NOT_ENOUGH_CASH",
            "FORGOT_CHANGE"),
        r.mistakes().stream().map(ScenarioAttempt.MistakeMade::code).toList());
  }

  @Test
  void tooSlowIsNotAPassAndAStepNotOnTheScreenIsRefused() throws IOException {
    Scenario metro = ScenarioJson.read(file("metro-ticket.json"));
    List<Step> slow =
        List.of(
            new Step(Kind.TOUCH, "buy", null, 1000),
            new Step(Kind.TOUCH, "line-2", null, 2000),
            new Step(Kind.TOUCH, "peoples-square", null, 3000),
            new Step(Kind.INPUT, "count", "1", 4000),
            new Step(Kind.TOUCH, "qr", null, 5000),
            new Step(Kind.TOUCH, "paid", null, 6000),
            new Step(Kind.TOUCH, "take-both", null, 301_000));
    ScenarioAttempt.Result r = ScenarioAttempt.replay(metro, slow);
    assertTrue(r.completed() && r.timedOut());
    assertEquals(100, r.score());
    assertFalse(r.passed());

    ReadinessRefusal skip =
        assertThrows(
            ReadinessRefusal.class,
            () ->
                ScenarioAttempt.replay(metro, List.of(new Step(Kind.TOUCH, "take-both", null, 1))));
    assertEquals("attempt.error.notOnScreen", skip.key());
    ReadinessRefusal backwards =
        assertThrows(
            ReadinessRefusal.class,
            () ->
                ScenarioAttempt.replay(
                    metro,
                    List.of(
                        new Step(Kind.TOUCH, "buy", null, 5000),
                        new Step(Kind.TOUCH, "line-2", null, 4000))));
    assertEquals("attempt.error.step", backwards.key());
  }

  @Test
  void aScenarioThatCannotBePlayedIsRefusedWithTheReason() throws IOException {
    String metro = file("metro-ticket.json");
    assertEquals(
        "scenario.error.noScreen",
        refused(metro.replace("\"next\": \"quantity\"", "\"next\": \"nowhere\"")).key());
    assertEquals(
        "scenario.error.noMistake",
        refused(metro.replace("\"mistake\": \"FORGOT_CHANGE\"", "\"mistake\": \"NO_SUCH\"")).key());
    assertEquals(
        "scenario.error.noWayToTheEnd",
        refused(
                metro.replace(
                    "\"id\": \"take-both\", \"type\": \"touch\", \"label\": {\"zh\": \"取走车票和找零\","
                        + " \"en\": \"Take the ticket and the change\"}, \"next\": \"done\"",
                    "\"id\": \"take-both\", \"type\": \"touch\", \"label\": {\"zh\": \"取走车票和找零\","
                        + " \"en\": \"Take the ticket and the change\"}, \"next\": \"home\""))
            .key());
    assertEquals(
        "scenario.error.format", refused(metro.replace("xinsheng-scenario/1", "v0")).key());
    assertEquals("scenario.error.json", refused(metro.substring(0, 200)).key());
    assertEquals(
        "scenario.error.text",
        refused(metro.replace("\"en\": \"Buying a metro ticket at a machine\"", "\"en\": \" \""))
            .key());
  }

  private static ReadinessRefusal refused(String json) {
    return assertThrows(ReadinessRefusal.class, () -> ScenarioJson.read(json));
  }
}
