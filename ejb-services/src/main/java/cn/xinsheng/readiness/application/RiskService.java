package cn.xinsheng.readiness.application;

import cn.xinsheng.auditlog.application.AuditLog;
import cn.xinsheng.identity.application.AccountDirectory;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.organisation.application.CallerScope;
import cn.xinsheng.organisation.domain.Inmate;
import cn.xinsheng.platform.Caller;
import cn.xinsheng.platform.PrisonTime;
import cn.xinsheng.platform.Refusal;
import cn.xinsheng.readiness.domain.Contribution;
import cn.xinsheng.readiness.domain.FactorLevel;
import cn.xinsheng.readiness.domain.FactorValues;
import cn.xinsheng.readiness.domain.LabelledCase;
import cn.xinsheng.readiness.domain.PlatformFacts;
import cn.xinsheng.readiness.domain.ReadinessRefusal;
import cn.xinsheng.readiness.domain.Recalibration;
import cn.xinsheng.readiness.domain.RiskFactor;
import cn.xinsheng.readiness.domain.RiskInstrument;
import cn.xinsheng.readiness.domain.RiskLevel;
import cn.xinsheng.readiness.domain.RiskOverride;
import cn.xinsheng.readiness.domain.RiskRecords;
import cn.xinsheng.readiness.domain.RiskRecords.StoredAssessment;
import cn.xinsheng.readiness.domain.RiskRecords.StoredOverride;
import cn.xinsheng.readiness.domain.RiskRecords.StoredValidation;
import cn.xinsheng.readiness.domain.RiskScore;
import cn.xinsheng.readiness.domain.SyntheticCohort;
import cn.xinsheng.readiness.domain.ValidationReport;
import cn.xinsheng.readiness.infrastructure.InstrumentFile;
import cn.xinsheng.readiness.infrastructure.LabelledCsv;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Recidivism risk assessments (issue 20, DOMAIN §6): advice for the release plan and community
 * corrections, never a decision on reduction, parole or release. An officer of the inmate's section
 * assesses with the versioned instrument; the platform supplies every value it holds and the
 * officer enters the rest. The score keeps every factor's contribution. An override stands only
 * with a reason and the signature of a second, different officer named in the request; both steps
 * go to the audit log. Validation reports are computed on imported past releases with outcomes, and
 * the demo's on the documented seeded synthetic cohort; nothing else is claimed.
 */
@Stateless
public class RiskService {

  /** A labelled file larger than this is refused before it is read (200,000 lines of codes). */
  public static final int MAX_CSV_BYTES = 16 << 20;

  static final String OFFICER_SOURCE = "民警录入|entered by an officer";

  @Inject RiskRecords records;
  @Inject RiskFactSource facts;
  @Inject CallerScope scope;
  @Inject AccountDirectory accounts;
  @Inject Caller caller;
  @Inject PrisonTime time;
  @Inject AuditLog auditLog;

  /** A risk level as people read it: 1 (low) to 5 (high), in both languages. */
  public record LevelView(String code, int rank, String zh, String en) {
    static LevelView of(RiskLevel l) {
      return l == null ? null : new LevelView(l.name(), l.rank(), l.zh(), l.en());
    }
  }

  /** One value a factor can take. */
  public record Option(String code, String zh, String en, double weight) {}

  /** One factor on the assessment form, with the platform's value where it has one. */
  public record FactorLine(
      String code,
      String zh,
      String en,
      boolean dynamic,
      List<Option> options,
      String platformValue,
      String platformValueZh,
      String platformValueEn,
      String sourceZh,
      String sourceEn) {

    public boolean fromPlatform() {
      return platformValue != null;
    }
  }

  public record AssessmentForm(
      String prisonerNumber,
      String inmateName,
      String instrumentId,
      boolean calibrated,
      List<FactorLine> factors) {}

  /** What one factor added, with where its value came from. */
  public record ContributionView(
      String factor,
      String factorZh,
      String factorEn,
      boolean dynamic,
      String value,
      String valueZh,
      String valueEn,
      double weight,
      String sourceZh,
      String sourceEn) {}

  public record OverrideView(
      long id,
      long assessmentId,
      String prisonerNumber,
      String inmateName,
      LevelView scored,
      LevelView decided,
      String reason,
      String requestedBy,
      String secondOfficer,
      Instant requestedAt,
      String signedBy,
      Instant signedAt) {

    public boolean signed() {
      return signedBy != null;
    }
  }

  public record AssessmentView(
      long id,
      String prisonerNumber,
      String inmateName,
      String instrumentId,
      boolean calibrated,
      double intercept,
      double logOdds,
      double probability,
      LevelView level,
      LevelView effectiveLevel,
      boolean overridden,
      List<ContributionView> contributions,
      String assessedBy,
      Instant assessedAt,
      List<OverrideView> overrides) {}

  /** The model card: what the instrument is, what it rests on, and how far it was measured. */
  public record ModelCard(
      String instrumentId,
      boolean calibrated,
      String basisZh,
      String basisEn,
      double intercept,
      List<Double> cutoffs,
      int staticFactors,
      int dynamicFactors,
      List<FactorCard> factors) {}

  public record FactorCard(
      String code, String zh, String en, boolean dynamic, boolean platform, List<Option> options) {}

  /** The demo's report: the synthetic cohort's parameters, held-out results before and after. */
  public record SyntheticReport(
      long seed,
      int size,
      double trueIntercept,
      double noise,
      int trainingCases,
      int heldOutCases,
      ReportView shipped,
      double recalibrationOffset,
      double recalibrationSlope,
      ReportView recalibrated) {}

  /** The same in the domain's terms, for the tests that run it twice from one seed. */
  record Synthetic(
      int trainingCases,
      int heldOutCases,
      ValidationReport shipped,
      Recalibration recalibration,
      ValidationReport recalibrated) {}

  /** A validation report as a page or a client reads it; a figure not measured is null. */
  public record ReportView(
      String instrument,
      int cases,
      int reoffended,
      Double auc,
      Double calibrationError,
      List<LevelLine> calibration,
      List<ConfusionLine> confusion) {}

  public record LevelLine(
      LevelView level, int cases, int reoffended, Double meanPredicted, Double observedRate) {}

  public record ConfusionLine(
      LevelView from,
      int truePositive,
      int falsePositive,
      int trueNegative,
      int falseNegative,
      Double sensitivity,
      Double specificity,
      Double positivePredictiveValue) {}

  /** A report computed on imported outcomes, with the file it was computed on. */
  public record ValidationView(
      long id,
      String instrument,
      String source,
      String sha256,
      int cases,
      int reoffended,
      Double auc,
      ReportView report,
      String importedBy,
      Instant importedAt) {}

  // ---------------------------------------------------------------------------------------------

  @RolesAllowed(Role.OFFICER_NAME)
  public AssessmentForm form(String prisonerNumber) {
    Inmate inmate = scope.inmateInMySections(prisonerNumber);
    RiskInstrument instrument = InstrumentFile.defaultInstrument();
    Map<String, PlatformFacts.Derived> derived =
        facts.factsOf(inmate.getId(), time.today()).derive();
    List<FactorLine> lines = new ArrayList<>();
    for (RiskFactor f : instrument.factors()) {
      PlatformFacts.Derived d = derived.get(f.code());
      FactorLevel l = d == null ? null : f.level(d.value()).orElse(null);
      lines.add(
          new FactorLine(
              f.code(),
              f.zh(),
              f.en(),
              f.kind() == RiskFactor.Kind.DYNAMIC,
              options(f),
              l == null ? null : l.code(),
              l == null ? null : l.zh(),
              l == null ? null : l.en(),
              l == null ? null : d.sourceZh(),
              l == null ? null : d.sourceEn()));
    }
    return new AssessmentForm(
        inmate.getNumber(), inmate.getName(), instrument.id(), instrument.calibrated(), lines);
  }

  /**
   * Scores the inmate now. The platform's values are taken as they are (an officer who disagrees
   * overrides the level with a reason, he does not edit the facts); every other factor needs the
   * officer's value. Refused naming the factor when one is missing, unknown, or the platform's.
   */
  @RolesAllowed(Role.OFFICER_NAME)
  public AssessmentView assess(String prisonerNumber, Map<String, String> entered) {
    Inmate inmate = scope.inmateInMySections(prisonerNumber);
    RiskInstrument instrument = InstrumentFile.defaultInstrument();
    Map<String, PlatformFacts.Derived> derived =
        facts.factsOf(inmate.getId(), time.today()).derive();
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, String> sources = new LinkedHashMap<>();
    for (Map.Entry<String, PlatformFacts.Derived> d : derived.entrySet()) {
      values.put(d.getKey(), d.getValue().value());
      sources.put(d.getKey(), d.getValue().sourceZh() + "|" + d.getValue().sourceEn());
    }
    for (Map.Entry<String, String> e :
        (entered == null ? Map.<String, String>of() : entered).entrySet()) {
      String v = e.getValue() == null ? "" : e.getValue().strip();
      if (v.isEmpty()) {
        continue;
      }
      if (derived.containsKey(e.getKey())) {
        throw refused(
            new ReadinessRefusal("risk.error.factorFromPlatform", named(instrument, e.getKey())));
      }
      values.put(e.getKey(), v);
      sources.put(e.getKey(), OFFICER_SOURCE);
    }
    RiskScore score;
    try {
      score = instrument.score(new FactorValues(values));
    } catch (ReadinessRefusal r) {
      // the officer reads the factor's name, not its code
      throw refused(new ReadinessRefusal(r.key(), named(instrument, r.subject())));
    }
    Instant at = time.now();
    StoredAssessment stored =
        records.addAssessment(
            inmate.getId(), instrument.id(), values, sources, score, caller.name(), at);
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("assessment", stored.id());
    payload.put("instrument", instrument.id());
    payload.put("calibrated", instrument.calibrated());
    // the audit payload is canonical JSON (integers and strings only): figures as decimal text
    payload.put("probability", String.format(java.util.Locale.ROOT, "%.6f", score.probability()));
    payload.put("level", score.level().name());
    payload.put("values", new LinkedHashMap<>(values));
    auditLog.record(
        "readiness.risk.assessed", "inmate/" + inmate.getNumber(), payload, List.of(), at);
    return view(inmate, stored);
  }

  /** The inmate's assessments, newest first, each with its contributions and overrides. */
  @RolesAllowed({Role.OFFICER_NAME, Role.REVIEWER_NAME, Role.WARDEN_NAME})
  public List<AssessmentView> assessments(String prisonerNumber) {
    Inmate inmate = readable(prisonerNumber);
    List<AssessmentView> out = new ArrayList<>();
    for (StoredAssessment a : records.assessmentsOf(inmate.getId())) {
      out.add(view(inmate, a));
    }
    return out;
  }

  @RolesAllowed({Role.OFFICER_NAME, Role.REVIEWER_NAME, Role.WARDEN_NAME})
  public AssessmentView assessment(long id) {
    StoredAssessment a =
        records.assessment(id).orElseThrow(() -> Refusal.notFound("risk.assessment.unknown"));
    Inmate inmate = readableById(a);
    return view(inmate, a);
  }

  /**
   * An officer asks to set another level than the scored one, with his reason, naming the second
   * officer who must countersign. Nothing changes until that officer signs. Only the person's
   * latest assessment can be overridden (an older one no longer describes him).
   */
  @RolesAllowed(Role.OFFICER_NAME)
  public OverrideView requestOverride(
      long assessmentId, String decided, String reason, String secondOfficer) {
    StoredAssessment a =
        records
            .assessment(assessmentId)
            .orElseThrow(() -> Refusal.notFound("risk.assessment.unknown"));
    Inmate inmate = readableById(a);
    List<StoredAssessment> all = records.assessmentsOf(a.inmateId());
    if (all.get(0).id() != a.id()) {
      throw Refusal.conflict("risk.override.notLatest");
    }
    RiskLevel level = null;
    if (decided != null && !decided.isBlank()) {
      try {
        level = RiskLevel.valueOf(decided.strip());
      } catch (IllegalArgumentException e) {
        level = null;
      }
    }
    String second = secondOfficer == null ? null : secondOfficer.strip();
    RiskOverride o;
    try {
      o = new RiskOverride(a.level(), level, reason, caller.name(), second);
    } catch (ReadinessRefusal r) {
      throw refused(r);
    }
    if (!accounts.holdsRole(second, Role.OFFICER) && !accounts.holdsRole(second, Role.REVIEWER)) {
      throw refused(new ReadinessRefusal("risk.error.overrideSecondUnknown", second));
    }
    Instant at = time.now();
    StoredOverride stored = records.addOverride(a.id(), o, at);
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("override", stored.id());
    payload.put("assessment", a.id());
    payload.put("scored", o.scored().name());
    payload.put("decided", o.decided().name());
    payload.put("reason", o.reason());
    payload.put("secondOfficer", o.secondOfficer());
    auditLog.record(
        "readiness.risk.overrideRequested", "inmate/" + inmate.getNumber(), payload, List.of(), at);
    return overrideView(inmate, stored);
  }

  /**
   * The second officer signs an override. Only the officer the request named may sign, never the
   * officer who asked (four eyes, as for every scored entry), and only once.
   */
  @RolesAllowed({Role.OFFICER_NAME, Role.REVIEWER_NAME})
  public OverrideView countersign(long overrideId) {
    StoredOverride o =
        records
            .override(overrideId, true)
            .orElseThrow(() -> Refusal.notFound("risk.override.unknown"));
    StoredAssessment a = records.assessment(o.assessmentId()).orElseThrow();
    Inmate inmate = readableById(a);
    if (o.requestedBy().equals(caller.name())) {
      throw Refusal.forbidden(
          "readiness.refused",
          new ReadinessRefusal("risk.error.overrideSameOfficer", "secondOfficer").zh(),
          new ReadinessRefusal("risk.error.overrideSameOfficer", "secondOfficer").en());
    }
    if (!o.secondOfficer().equals(caller.name())) {
      throw Refusal.forbidden("risk.override.notYours");
    }
    if (o.signed()) {
      throw Refusal.conflict("risk.override.alreadySigned");
    }
    Instant at = time.now();
    records.sign(o.id(), caller.name(), at);
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("override", o.id());
    payload.put("assessment", o.assessmentId());
    payload.put("scored", o.scored().name());
    payload.put("decided", o.decided().name());
    payload.put("reason", o.reason());
    payload.put("requestedBy", o.requestedBy());
    auditLog.record(
        "readiness.risk.overrideSigned", "inmate/" + inmate.getNumber(), payload, List.of(), at);
    return overrideView(inmate, records.override(o.id(), false).orElseThrow());
  }

  /** An officer who may be named to countersign: login and name. */
  public record OfficerChoice(String login, String name) {}

  /**
   * The officers and reviewing officers an override may name to countersign, the caller left out:
   * one person cannot sign twice.
   */
  @RolesAllowed(Role.OFFICER_NAME)
  public List<OfficerChoice> secondOfficers() {
    Map<String, OfficerChoice> out = new java.util.TreeMap<>();
    for (Role r : List.of(Role.OFFICER, Role.REVIEWER)) {
      for (AccountDirectory.Person p : accounts.holders(r)) {
        if (!p.login().equals(caller.name())) {
          out.put(p.login(), new OfficerChoice(p.login(), p.name()));
        }
      }
    }
    return List.copyOf(out.values());
  }

  /** Overrides naming the caller as the second officer that he has not signed yet. */
  @RolesAllowed({Role.OFFICER_NAME, Role.REVIEWER_NAME})
  public List<OverrideView> awaitingMySignature() {
    List<OverrideView> out = new ArrayList<>();
    for (StoredOverride o : records.awaitingSignatureOf(caller.name())) {
      StoredAssessment a = records.assessment(o.assessmentId()).orElseThrow();
      Optional<Inmate> inmate = scope.inmate(number(a));
      inmate.ifPresent(i -> out.add(overrideView(i, o)));
    }
    return out;
  }

  @RolesAllowed({Role.OFFICER_NAME, Role.REVIEWER_NAME, Role.WARDEN_NAME, Role.EXECUTION_NAME})
  public ModelCard modelCard() {
    RiskInstrument i = InstrumentFile.defaultInstrument();
    List<FactorCard> factors = new ArrayList<>();
    int dynamic = 0;
    for (RiskFactor f : i.factors()) {
      boolean d = f.kind() == RiskFactor.Kind.DYNAMIC;
      dynamic += d ? 1 : 0;
      factors.add(
          new FactorCard(
              f.code(), f.zh(), f.en(), d, f.source() == RiskFactor.Source.PLATFORM, options(f)));
    }
    return new ModelCard(
        i.id(),
        i.calibrated(),
        i.basisZh(),
        i.basisEn(),
        i.intercept(),
        i.cutoffs(),
        i.factors().size() - dynamic,
        dynamic,
        factors);
  }

  /**
   * The demo's validation report on the synthetic cohort of docs/risk-model.md: recalibrated on the
   * first half, measured on the held-out second half. The same seed gives the same figures.
   */
  @RolesAllowed({Role.OFFICER_NAME, Role.REVIEWER_NAME, Role.WARDEN_NAME, Role.EXECUTION_NAME})
  public SyntheticReport syntheticReport() {
    SyntheticReport r = demoReport;
    if (r == null) {
      // the same seed gives the same report, so it is computed once per start (about a second)
      r = computeDemoReport();
      demoReport = r;
    }
    return r;
  }

  private static volatile SyntheticReport demoReport;

  private static SyntheticReport computeDemoReport() {
    SyntheticCohort.Parameters p = SyntheticCohort.DEMO;
    Synthetic s = synthetic(InstrumentFile.defaultInstrument(), p);
    return new SyntheticReport(
        p.seed(),
        p.size(),
        p.trueIntercept(),
        p.noise(),
        s.trainingCases(),
        s.heldOutCases(),
        report(s.shipped()),
        s.recalibration().offset(),
        s.recalibration().slope(),
        report(s.recalibrated()));
  }

  /** The demo report's computation, plain Java, so a test can run it twice from one seed. */
  static Synthetic synthetic(RiskInstrument instrument, SyntheticCohort.Parameters p) {
    List<LabelledCase> cohort = SyntheticCohort.generate(instrument, p);
    List<LabelledCase> training = cohort.subList(0, p.size() / 2);
    List<LabelledCase> heldOut = cohort.subList(p.size() / 2, p.size());
    Recalibration r = Recalibration.fit(instrument, training);
    RiskInstrument recalibrated =
        instrument.recalibrated(r, instrument.id() + "-demo-recalibrated");
    return new Synthetic(
        training.size(),
        heldOut.size(),
        ValidationReport.of(instrument, heldOut),
        r,
        ValidationReport.of(recalibrated, heldOut));
  }

  /**
   * Imports past releases with outcomes (CSV, see {@link LabelledCsv}) and computes the validation
   * report of the instrument on them. The file is checked whole first: a bad line is refused by its
   * number and nothing is stored.
   */
  @RolesAllowed(Role.REVIEWER_NAME)
  public ValidationView importValidation(String fileName, byte[] csv) {
    if (csv == null || csv.length == 0) {
      throw refused(new ReadinessRefusal("risk.error.csvEmpty", "line 1"));
    }
    if (csv.length > MAX_CSV_BYTES) {
      throw refused(
          new ReadinessRefusal("risk.error.csvTooLarge", MAX_CSV_BYTES / (1 << 20) + " MiB"));
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(csv))
              .toString();
    } catch (CharacterCodingException e) {
      throw refused(new ReadinessRefusal("risk.error.csvEncoding", "UTF-8"));
    }
    if (text.indexOf('\0') >= 0) {
      // a binary file with valid UTF-8 bytes is still not a table of codes
      throw refused(new ReadinessRefusal("risk.error.csvEncoding", "NUL"));
    }
    RiskInstrument instrument = InstrumentFile.defaultInstrument();
    ValidationReport report;
    try {
      List<LabelledCase> cases =
          LabelledCsv.read(new BufferedReader(new StringReader(text)), instrument);
      report = ValidationReport.of(instrument, cases);
    } catch (ReadinessRefusal r) {
      throw refused(r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String source =
        fileName == null || fileName.isBlank()
            ? "upload.csv"
            : fileName.strip().replaceAll("[\\p{Cntrl}/\\\\]", "_");
    if (source.length() > 200) {
      source = source.substring(0, 200);
    }
    Instant at = time.now();
    String sha = sha256(csv);
    StoredValidation stored =
        records.addValidation(
            instrument.id(), source, sha, report, json(report), caller.name(), at);
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("validation", stored.id());
    payload.put("instrument", instrument.id());
    payload.put("file", source);
    payload.put("sha256", sha);
    payload.put("cases", report.cases());
    payload.put("reoffended", report.reoffended());
    payload.put(
        "auc",
        Double.isNaN(report.auc())
            ? "not measured"
            : String.format(java.util.Locale.ROOT, "%.6f", report.auc()));
    auditLog.record(
        "readiness.risk.validationImported", "risk/validation", payload, List.of(sha), at);
    return validationView(stored, report(report));
  }

  @RolesAllowed({Role.OFFICER_NAME, Role.REVIEWER_NAME, Role.WARDEN_NAME, Role.EXECUTION_NAME})
  public List<ValidationView> validations() {
    return records.validations().stream()
        .map(v -> validationView(v, ReportJson.read(v.reportJson())))
        .toList();
  }

  private static ValidationView validationView(StoredValidation v, ReportView report) {
    return new ValidationView(
        v.id(),
        v.instrumentId(),
        v.source(),
        v.fileSha256(),
        v.cases(),
        v.reoffended(),
        v.auc(),
        report,
        v.importedBy(),
        v.importedAt());
  }

  static ReportView report(ValidationReport r) {
    List<LevelLine> calibration = new ArrayList<>();
    for (ValidationReport.LevelCalibration l : r.calibration()) {
      calibration.add(
          new LevelLine(
              LevelView.of(l.level()),
              l.cases(),
              l.reoffended(),
              measured(l.meanPredicted()),
              measured(l.observedRate())));
    }
    List<ConfusionLine> confusion = new ArrayList<>();
    for (ValidationReport.Confusion c : r.confusion()) {
      confusion.add(
          new ConfusionLine(
              LevelView.of(c.from()),
              c.truePositive(),
              c.falsePositive(),
              c.trueNegative(),
              c.falseNegative(),
              measured(c.sensitivity()),
              measured(c.specificity()),
              measured(c.positivePredictiveValue())));
    }
    return new ReportView(
        r.instrument(),
        r.cases(),
        r.reoffended(),
        measured(r.auc()),
        measured(r.calibrationError()),
        calibration,
        confusion);
  }

  private static Double measured(double v) {
    return Double.isNaN(v) || Double.isInfinite(v) ? null : v;
  }

  // ---------------------------------------------------------------------------------------------

  /** Officers and reviewers read their sections' inmates; the warden reads every inmate. */
  private Inmate readable(String prisonerNumber) {
    if (caller.has(Role.WARDEN)) {
      return scope
          .inmate(prisonerNumber)
          .orElseThrow(() -> Refusal.notFound("error.unknownInmate"));
    }
    return scope.inmateInMySections(prisonerNumber);
  }

  private Inmate readableById(StoredAssessment a) {
    return readable(number(a));
  }

  private String number(StoredAssessment a) {
    return facts.prisonerNumber(a.inmateId());
  }

  private AssessmentView view(Inmate inmate, StoredAssessment a) {
    RiskInstrument instrument = InstrumentFile.defaultInstrument();
    if (!instrument.id().equals(a.instrumentId())) {
      throw new IllegalStateException(
          "an assessment made with an unknown instrument: " + a.instrumentId());
    }
    RiskScore score = instrument.score(new FactorValues(a.values()));
    List<ContributionView> contributions = new ArrayList<>();
    for (Contribution c : score.contributions()) {
      String[] source = a.sources().getOrDefault(c.factor(), OFFICER_SOURCE).split("\\|", 2);
      contributions.add(
          new ContributionView(
              c.factor(),
              c.factorZh(),
              c.factorEn(),
              c.kind() == RiskFactor.Kind.DYNAMIC,
              c.value(),
              c.valueZh(),
              c.valueEn(),
              c.weight(),
              source[0],
              source.length > 1 ? source[1] : source[0]));
    }
    List<OverrideView> overrides =
        records.overridesOf(a.id()).stream().map(o -> overrideView(inmate, o)).toList();
    RiskLevel effective = a.level();
    boolean overridden = false;
    for (StoredOverride o : records.overridesOf(a.id())) {
      if (o.signed()) {
        effective = o.decided();
        overridden = true;
      }
    }
    return new AssessmentView(
        a.id(),
        inmate.getNumber(),
        inmate.getName(),
        a.instrumentId(),
        instrument.calibrated(),
        instrument.intercept(),
        a.logOdds(),
        a.probability(),
        LevelView.of(a.level()),
        LevelView.of(effective),
        overridden,
        contributions,
        a.assessedBy(),
        a.assessedAt(),
        overrides);
  }

  private static OverrideView overrideView(Inmate inmate, StoredOverride o) {
    return new OverrideView(
        o.id(),
        o.assessmentId(),
        inmate.getNumber(),
        inmate.getName(),
        LevelView.of(o.scored()),
        LevelView.of(o.decided()),
        o.reason(),
        o.requestedBy(),
        o.secondOfficer(),
        o.requestedAt(),
        o.signedBy(),
        o.signedAt());
  }

  /** A factor as people name it, in both languages; an unknown code stays as it was sent. */
  private static String named(RiskInstrument instrument, String code) {
    return instrument.factors().stream()
        .filter(f -> f.code().equals(code))
        .findFirst()
        .map(f -> "“" + f.zh() + " / " + f.en() + "”")
        .orElse(code);
  }

  private static List<Option> options(RiskFactor f) {
    return f.levels().stream().map(l -> new Option(l.code(), l.zh(), l.en(), l.weight())).toList();
  }

  static Refusal refused(ReadinessRefusal r) {
    return Refusal.invalid("readiness.refused", r.zh(), r.en());
  }

  /**
   * The report as JSON, written by hand: it holds only codes (the instrument id's characters are
   * restricted) and numbers, and a figure that was not measured (NaN) is null, never a number.
   */
  static String json(ValidationReport r) {
    StringBuilder b = new StringBuilder("{");
    b.append("\"instrument\":\"").append(r.instrument()).append("\"");
    b.append(",\"cases\":").append(r.cases());
    b.append(",\"reoffended\":").append(r.reoffended());
    b.append(",\"auc\":").append(number(r.auc()));
    b.append(",\"calibrationError\":").append(number(r.calibrationError()));
    b.append(",\"calibration\":[");
    String sep = "";
    for (ValidationReport.LevelCalibration l : r.calibration()) {
      b.append(sep).append("{\"level\":\"").append(l.level().name()).append("\"");
      b.append(",\"cases\":").append(l.cases());
      b.append(",\"reoffended\":").append(l.reoffended());
      b.append(",\"meanPredicted\":").append(number(l.meanPredicted()));
      b.append(",\"observedRate\":").append(number(l.observedRate())).append("}");
      sep = ",";
    }
    b.append("],\"confusion\":[");
    sep = "";
    for (ValidationReport.Confusion c : r.confusion()) {
      b.append(sep).append("{\"from\":\"").append(c.from().name()).append("\"");
      b.append(",\"truePositive\":").append(c.truePositive());
      b.append(",\"falsePositive\":").append(c.falsePositive());
      b.append(",\"trueNegative\":").append(c.trueNegative());
      b.append(",\"falseNegative\":").append(c.falseNegative());
      b.append(",\"sensitivity\":").append(number(c.sensitivity()));
      b.append(",\"specificity\":").append(number(c.specificity()));
      b.append(",\"positivePredictiveValue\":").append(number(c.positivePredictiveValue()));
      b.append("}");
      sep = ",";
    }
    return b.append("]}").toString();
  }

  private static String number(double v) {
    return Double.isNaN(v) || Double.isInfinite(v) ? "null" : Double.toString(v);
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
