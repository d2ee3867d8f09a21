package cn.xinsheng.readiness.application;

import cn.xinsheng.auditlog.application.AuditLog;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.lms.application.TaughtLearners;
import cn.xinsheng.organisation.application.CallerScope;
import cn.xinsheng.organisation.application.OrganisationQueries;
import cn.xinsheng.organisation.domain.Inmate;
import cn.xinsheng.platform.Caller;
import cn.xinsheng.platform.PrisonTime;
import cn.xinsheng.platform.Refusal;
import cn.xinsheng.readiness.domain.ReadinessRefusal;
import cn.xinsheng.readiness.domain.Scenario;
import cn.xinsheng.readiness.domain.ScenarioAttempt;
import cn.xinsheng.readiness.domain.ScenarioAttempt.Step;
import cn.xinsheng.readiness.domain.ScenarioAttempts;
import cn.xinsheng.readiness.domain.ScenarioAttempts.StoredAttempt;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Release-readiness simulations at the terminal (issue 20). The terminal never learns which touch
 * is a trap or which answer is accepted: it sends the steps so far and is told the screen it has
 * reached (and whether the last step was a mistake), and at the end the server replays the whole
 * record and scores it. Only the server's score is stored, in the audit log as well. Teachers see
 * the attempts of their own cohorts' learners, and how scores change from attempt to attempt.
 */
@Stateless
public class SimulationService {

  @Inject ScenarioCatalogue catalogue;
  @Inject ScenarioAttempts attempts;
  @Inject CallerScope scope;
  @Inject OrganisationQueries organisation;
  @Inject TaughtLearners learners;
  @Inject Caller caller;
  @Inject PrisonTime time;
  @Inject AuditLog auditLog;

  /** One recorded step as the terminal sends it: kind TOUCH, INPUT or HINT. */
  public record StepInput(String kind, String element, String value, long elapsedMillis) {}

  public record ScenarioCard(
      String id,
      String kind,
      String titleZh,
      String titleEn,
      String descriptionZh,
      String descriptionEn,
      int passScore,
      int timeLimitSeconds,
      int attempts,
      Integer bestScore,
      boolean passed) {}

  public record ElementView(String id, String type, String labelZh, String labelEn) {}

  /** Where the learner is after the steps so far; nothing here tells a trap or an answer. */
  public record PlayState(
      String scenario,
      int version,
      String screen,
      String titleZh,
      String titleEn,
      String bodyZh,
      String bodyEn,
      boolean end,
      List<ElementView> elements,
      String hintZh,
      String hintEn,
      String mistakeZh,
      String mistakeEn,
      int mistakes,
      int hintCost,
      int timeLimitSeconds) {}

  public record MistakeView(String code, int points, String zh, String en) {}

  public record AttemptView(
      String scenario,
      String titleZh,
      String titleEn,
      int attemptNo,
      int score,
      int passScore,
      boolean passed,
      boolean timedOut,
      int hints,
      long seconds,
      List<MistakeView> mistakes,
      Instant recordedAt) {}

  public record ResultRow(
      String prisonerNumber,
      String inmateName,
      String scenario,
      String titleZh,
      String titleEn,
      int attemptNo,
      int score,
      boolean passed,
      int hints,
      long seconds,
      List<MistakeView> mistakes,
      Instant recordedAt) {}

  /** One scenario across the learners: how many tried, how many passed, first and latest scores. */
  public record CohortLine(
      String scenario,
      String titleZh,
      String titleEn,
      int people,
      int attempts,
      int passedPeople,
      double averageFirstScore,
      double averageLatestScore) {}

  @RolesAllowed(Role.INMATE_NAME)
  public List<ScenarioCard> myScenarios() {
    Inmate me = scope.ownInmate();
    Map<String, List<StoredAttempt>> mine =
        attempts.ofInmate(me.getId()).stream()
            .collect(Collectors.groupingBy(StoredAttempt::scenarioId));
    List<ScenarioCard> out = new ArrayList<>();
    for (Scenario s : catalogue.all()) {
      List<StoredAttempt> a = mine.getOrDefault(s.id(), List.of());
      Integer best = a.stream().map(StoredAttempt::score).max(Integer::compare).orElse(null);
      out.add(
          new ScenarioCard(
              s.id(),
              s.kind(),
              s.title().zh(),
              s.title().en(),
              s.description().zh(),
              s.description().en(),
              s.passScore(),
              s.timeLimitSeconds(),
              a.size(),
              best,
              a.stream().anyMatch(StoredAttempt::passed)));
    }
    return out;
  }

  /** The screen the steps so far have reached (nothing is stored). */
  @RolesAllowed(Role.INMATE_NAME)
  public PlayState play(String scenarioId, List<StepInput> input) {
    Scenario s = scenario(scenarioId);
    List<Step> steps = steps(input);
    ScenarioAttempt.Result before =
        replay(s, steps.isEmpty() ? steps : steps.subList(0, steps.size() - 1));
    ScenarioAttempt.Result now = replay(s, steps);
    Scenario.Screen screen = s.screen(now.path().get(now.path().size() - 1));
    Step last = steps.isEmpty() ? null : steps.get(steps.size() - 1);
    boolean hint = last != null && last.kind() == Step.Kind.HINT && screen.hint() != null;
    ScenarioAttempt.MistakeMade newMistake =
        now.mistakes().size() > before.mistakes().size()
            ? now.mistakes().get(now.mistakes().size() - 1)
            : null;
    Scenario.Mistake m = newMistake == null ? null : s.mistake(newMistake.code());
    return new PlayState(
        s.id(),
        s.version(),
        screen.id(),
        screen.title().zh(),
        screen.title().en(),
        screen.body() == null ? null : screen.body().zh(),
        screen.body() == null ? null : screen.body().en(),
        screen.end(),
        screen.elements().stream()
            .map(e -> new ElementView(e.id(), e.type().name(), e.label().zh(), e.label().en()))
            .toList(),
        hint ? screen.hint().zh() : null,
        hint ? screen.hint().en() : null,
        m == null ? null : m.text().zh(),
        m == null ? null : m.text().en(),
        now.mistakes().size(),
        s.hintCost(),
        s.timeLimitSeconds());
  }

  /** Replays and scores the finished attempt, stores it and logs it. */
  @RolesAllowed(Role.INMATE_NAME)
  public AttemptView finish(String scenarioId, List<StepInput> input, String stepsJson) {
    refuseWithdrawn(scenarioId);
    ScenarioCatalogue.Entry entry =
        catalogue
            .entry(scenarioId)
            .orElseThrow(() -> Refusal.notFound("readiness.scenario.unknown"));
    Scenario s = entry.scenario();
    List<Step> steps = steps(input);
    ScenarioAttempt.Result r = replay(s, steps);
    if (!r.completed()) {
      throw Refusal.invalid("readiness.attempt.notFinished");
    }
    Inmate me = scope.ownInmate();
    Instant at = time.now();
    // a scenario is scored by the package version in force: the attempt names it
    StoredAttempt stored =
        attempts.add(me.getId(), r, stepsJson, at, entry.packageId(), entry.packageVersion());
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("scenario", s.id());
    payload.put("version", s.version());
    payload.put("package", entry.packageId());
    payload.put("packageVersion", entry.packageVersion());
    payload.put("attempt", stored.attemptNo());
    payload.put("score", r.score());
    payload.put("passed", r.passed());
    payload.put("hints", r.hints());
    payload.put("seconds", r.elapsedSeconds());
    payload.put("mistakes", stored.mistakes());
    auditLog.record(
        "readiness.attempt.recorded", "inmate/" + me.getNumber(), payload, List.of(), at);
    return view(s, stored);
  }

  @RolesAllowed(Role.INMATE_NAME)
  public List<AttemptView> myAttempts() {
    Inmate me = scope.ownInmate();
    List<AttemptView> out = new ArrayList<>();
    for (StoredAttempt a : attempts.ofInmate(me.getId())) {
      asPlayed(a).ifPresent(s -> out.add(view(s, a)));
    }
    java.util.Collections.reverse(out); // newest first
    return out;
  }

  /** Every attempt of the caller's learners: a teacher's own cohorts, or all for the office. */
  @RolesAllowed({Role.TEACHER_NAME, Role.EDU_ADMIN_NAME})
  public List<ResultRow> results() {
    List<Long> ids =
        caller.has(Role.EDU_ADMIN)
            ? learners.allEnrolledInmateIds()
            : learners.inmateIdsTaughtBy(caller.name());
    Map<Long, Inmate> who =
        organisation.inmatesByIds(ids).stream()
            .collect(Collectors.toMap(Inmate::getId, Function.identity()));
    List<ResultRow> out = new ArrayList<>();
    for (StoredAttempt a : attempts.ofInmates(ids)) {
      Inmate i = who.get(a.inmateId());
      Scenario s = asPlayed(a).orElse(null);
      if (i == null || s == null) {
        continue;
      }
      out.add(
          new ResultRow(
              i.getNumber(),
              i.getName(),
              s.id(),
              s.title().zh(),
              s.title().en(),
              a.attemptNo(),
              a.score(),
              a.passed(),
              a.hints(),
              a.seconds(),
              mistakes(s, a),
              a.recordedAt()));
    }
    java.util.Collections.reverse(out); // newest first
    return out;
  }

  /** Per scenario over the caller's learners: first against latest attempt. */
  @RolesAllowed({Role.TEACHER_NAME, Role.EDU_ADMIN_NAME})
  public List<CohortLine> cohort() {
    Map<String, Map<String, List<ResultRow>>> byScenario = new LinkedHashMap<>();
    List<ResultRow> rows = new ArrayList<>(results());
    java.util.Collections.reverse(rows); // oldest first
    for (ResultRow r : rows) {
      byScenario
          .computeIfAbsent(r.scenario(), k -> new LinkedHashMap<>())
          .computeIfAbsent(r.prisonerNumber(), k -> new ArrayList<>())
          .add(r);
    }
    List<CohortLine> out = new ArrayList<>();
    for (Scenario s : catalogue.all()) {
      Map<String, List<ResultRow>> people = byScenario.get(s.id());
      if (people == null) {
        continue;
      }
      int attemptsTotal = people.values().stream().mapToInt(List::size).sum();
      int passedPeople =
          (int)
              people.values().stream().filter(l -> l.stream().anyMatch(ResultRow::passed)).count();
      double first = people.values().stream().mapToInt(l -> l.get(0).score()).average().orElse(0);
      double latest =
          people.values().stream().mapToInt(l -> l.get(l.size() - 1).score()).average().orElse(0);
      out.add(
          new CohortLine(
              s.id(),
              s.title().zh(),
              s.title().en(),
              people.size(),
              attemptsTotal,
              passedPeople,
              Math.round(first * 10) / 10.0,
              Math.round(latest * 10) / 10.0));
    }
    return out;
  }

  private static List<Step> steps(List<StepInput> input) {
    List<Step> out = new ArrayList<>();
    for (StepInput i : input) {
      Step.Kind kind;
      try {
        kind = Step.Kind.valueOf(String.valueOf(i.kind()));
      } catch (IllegalArgumentException e) {
        throw Refusal.invalid("readiness.step.kind");
      }
      out.add(new Step(kind, i.element(), i.value(), i.elapsedMillis()));
    }
    return out;
  }

  private Scenario scenario(String id) {
    refuseWithdrawn(id);
    return catalogue.find(id).orElseThrow(() -> Refusal.notFound("readiness.scenario.unknown"));
  }

  /**
   * A scenario whose package version was withdrawn is not played again: no new attempt starts and
   * none is recorded (one begun before the withdrawal ends unrecorded); past ones stay readable.
   */
  private void refuseWithdrawn(String id) {
    if (catalogue.withdrawn(id)) {
      throw Refusal.conflict("readiness.scenario.withdrawn", id);
    }
  }

  private static ScenarioAttempt.Result replay(Scenario s, List<Step> steps) {
    try {
      return ScenarioAttempt.replay(s, steps);
    } catch (ReadinessRefusal r) {
      // a stale or forged record: refused with the reason, in both languages
      throw Refusal.invalid("readiness.refused", r.zh(), r.en());
    }
  }

  private static AttemptView view(Scenario s, StoredAttempt a) {
    return new AttemptView(
        s.id(),
        s.title().zh(),
        s.title().en(),
        a.attemptNo(),
        a.score(),
        s.passScore(),
        a.passed(),
        a.timedOut(),
        a.hints(),
        a.seconds(),
        mistakes(s, a),
        a.recordedAt());
  }

  /** The scenario as the attempt was played: the package version it names, if imported. */
  private java.util.Optional<Scenario> asPlayed(StoredAttempt a) {
    return catalogue.asPlayed(a.scenarioId(), a.packageId(), a.packageVersion());
  }

  private static List<MistakeView> mistakes(Scenario s, StoredAttempt a) {
    List<MistakeView> out = new ArrayList<>();
    for (String code : a.mistakes()) {
      // the scenario as played (asPlayed) defines every code its replay recorded
      Scenario.Mistake m = s.mistake(code);
      out.add(new MistakeView(code, m.points(), m.text().zh(), m.text().en()));
    }
    return out;
  }
}
