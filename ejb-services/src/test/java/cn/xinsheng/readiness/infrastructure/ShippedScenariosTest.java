package cn.xinsheng.readiness.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.readiness.domain.Scenario;
import cn.xinsheng.readiness.domain.ScenarioAttempt;
import cn.xinsheng.readiness.domain.ScenarioAttempt.Step;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every scenario the platform ships is read, checked and played through its walkthroughs ({@code
 * walkthroughs/<id>.txt}: the steps of a right run and of runs with mistakes, each ending in the
 * expected score and pass or fail). A scenario without a walkthrough fails the build.
 */
class ShippedScenariosTest {

  private static String resource(String path) throws IOException {
    try (InputStream in = ShippedScenariosTest.class.getResourceAsStream(path)) {
      assertNotNull(in, path);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void everyShippedScenarioPlaysToItsExpectedScoresRightAndWrong() throws IOException {
    List<String> files =
        resource("/cn/xinsheng/readiness/scenarios/index.txt")
            .lines()
            .filter(l -> !l.isBlank() && !l.startsWith("#"))
            .toList();
    assertTrue(files.size() >= 3, files.toString());
    for (String file : files) {
      Scenario scenario = ScenarioJson.read(resource("/cn/xinsheng/readiness/scenarios/" + file));
      assertEquals(file, scenario.id() + ".json", "a scenario's file is named by its id");
      int runs = 0;
      boolean aFailedRun = false;
      List<Step> steps = new ArrayList<>();
      long t = 0;
      String name = "";
      for (String line :
          resource("/cn/xinsheng/readiness/walkthroughs/" + scenario.id() + ".txt")
              .lines()
              .toList()) {
        if (line.startsWith("#")) {
          name = line;
          continue;
        }
        String[] w = line.strip().split(" ", 3);
        t += 5000;
        switch (w[0]) {
          case "touch" -> steps.add(new Step(Step.Kind.TOUCH, w[1], null, t));
          case "input" -> steps.add(new Step(Step.Kind.INPUT, w[1], w[2], t));
          case "hint" -> steps.add(new Step(Step.Kind.HINT, null, null, t));
          case "=" -> {
            ScenarioAttempt.Result r = ScenarioAttempt.replay(scenario, steps);
            String where = scenario.id() + " " + name + ": " + r;
            assertTrue(r.completed(), where);
            assertEquals(Integer.parseInt(w[1]), r.score(), where);
            assertEquals(w[2].equals("pass"), r.passed(), where);
            aFailedRun |= !r.passed();
            runs++;
            steps = new ArrayList<>();
            t = 0;
          }
          default -> throw new AssertionError("walkthrough line: " + line);
        }
      }
      assertTrue(runs >= 2 && aFailedRun, scenario.id() + ": a right run and a run with mistakes");
      assertFalse(scenario.mistakes().size() < 3, scenario.id());
    }
  }
}
