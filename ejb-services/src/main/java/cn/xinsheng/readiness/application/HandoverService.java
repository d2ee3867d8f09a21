package cn.xinsheng.readiness.application;

import cn.xinsheng.audit.CanonicalJson;
import cn.xinsheng.audit.MerkleTree;
import cn.xinsheng.auditlog.application.AuditLog;
import cn.xinsheng.auditlog.application.SubjectHeads;
import cn.xinsheng.auditlog.application.SubjectPackages;
import cn.xinsheng.cases.application.RulingHistory;
import cn.xinsheng.evidence.application.EvidenceBytes;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.ledger.application.InmateLedgerQueries;
import cn.xinsheng.ledger.application.MonthView;
import cn.xinsheng.lms.application.LearningRecords;
import cn.xinsheng.organisation.application.CallerScope;
import cn.xinsheng.organisation.domain.Inmate;
import cn.xinsheng.platform.Caller;
import cn.xinsheng.platform.PrisonTime;
import cn.xinsheng.platform.Refusal;
import cn.xinsheng.readiness.application.ReleasePlanService.PlanPage;
import cn.xinsheng.readiness.domain.Contribution;
import cn.xinsheng.readiness.domain.FirstReport;
import cn.xinsheng.readiness.domain.ReadinessRefusal;
import cn.xinsheng.readiness.domain.Scenario;
import cn.xinsheng.readiness.domain.ScenarioAttempts;
import cn.xinsheng.readiness.infrastructure.HandoverPdf;
import cn.xinsheng.readiness.infrastructure.HandoverStore;
import cn.xinsheng.readiness.infrastructure.HandoverStore.HandoverRow;
import cn.xinsheng.readiness.infrastructure.HandoverStore.Office;
import cn.xinsheng.readiness.infrastructure.HandoverStore.ReportRow;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The handover to community corrections (issue 20, deliverable 5). A section officer issues it for
 * an inmate of his sections to an office, which assigns the person to that office: the plan, the
 * risk level with every factor (through {@link RiskAssessments}; "not assessed" when there is
 * none), the education credits, music certificates ({@link MusicCertificates}), simulation results,
 * a ledger summary and the sentence with its rulings — as canonical JSON and as a PDF, both kept as
 * issued and named by their SHA-256 in the audit entry that issues them. The package anyone
 * downloads is the person's log extract in the case package's format with both files, so {@code
 * bin/xinsheng verify} checks it offline and names a changed file.
 *
 * <p>The office (an external reader) sees only the handovers issued to it, read-only, each read
 * logged; it records the person's first report, which the prison then sees beside the handover.
 */
@Stateless
public class HandoverService {

  public static final String FORMAT = "xinsheng-handover/1";

  @Inject HandoverStore store;
  @Inject ReleasePlanService plans;
  @Inject RiskAssessments risk;
  @Inject MusicCertificates music;
  @Inject LearningRecords learning;
  @Inject InmateLedgerQueries ledger;
  @Inject RulingHistory rulings;
  @Inject ScenarioAttempts attempts;
  @Inject ScenarioCatalogue catalogue;
  @Inject CallerScope scope;
  @Inject Caller caller;
  @Inject PrisonTime time;
  @Inject AuditLog auditLog;
  @Inject cn.xinsheng.identity.application.AccountDirectory accounts;
  @Inject HandoverLog readLog;
  @Inject SubjectHeads heads;
  @Inject SubjectPackages packages;
  @Inject EvidenceBytes evidence;

  public record OfficeView(long id, String nameZh, String nameEn) {}

  public record ReportView(
      LocalDate reportedOn, boolean late, String note, String recordedBy, Instant recordedAt) {}

  /** A handover on a list, with the office's latest first report (the feedback). */
  public record HandoverView(
      long id,
      String prisonerNumber,
      String name,
      String officeZh,
      String officeEn,
      LocalDate releaseOn,
      LocalDate reportDue,
      String issuedBy,
      Instant issuedAt,
      String jsonSha256,
      String pdfSha256,
      ReportView firstReport,
      List<ReportView> reports) {}

  @RolesAllowed({Role.OFFICER_NAME, Role.REVIEWER_NAME})
  public List<OfficeView> offices() {
    return store.offices().stream()
        .map(o -> new OfficeView(o.id(), o.nameZh(), o.nameEn()))
        .toList();
  }

  /** Issues a handover of an inmate of the caller's sections to an office. */
  @RolesAllowed(Role.OFFICER_NAME)
  public HandoverView issue(String prisonerNumber, long officeId) {
    Inmate i = scope.inmateInMySections(prisonerNumber == null ? "" : prisonerNumber.strip());
    Office office =
        store.office(officeId).orElseThrow(() -> Refusal.invalid("handover.error.office"));
    PlanPage plan = plans.page(i);
    Instant now = time.now();
    ReleasePlanService.Basis basis = plans.basis(i);
    LocalDate due =
        plan.release() == null ? null : FirstReport.due(plan.release(), basis.paroleRuling());
    Map<String, Object> doc = document(i, office, plan, due, now);
    byte[] json = CanonicalJson.write(doc).getBytes(StandardCharsets.UTF_8);
    byte[] pdf;
    try {
      pdf = pdf(doc, plan, office);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String jsonSha = MerkleTree.sha256Hex(json);
    String pdfSha = MerkleTree.sha256Hex(pdf);
    long id =
        store.add(
            i.getId(),
            i.getNumber(),
            office.id(),
            plan.release(),
            due,
            new String(json, StandardCharsets.UTF_8),
            pdf,
            jsonSha,
            pdfSha,
            caller.name(),
            now);
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("inmate", i.getNumber());
    p.put("handover", id);
    p.put("office", office.code());
    p.put("json", jsonSha);
    p.put("pdf", pdfSha);
    // the files' hashes are the entry's evidence: the verifier vouches for them by it
    auditLog.record(
        "readiness.handover.issued", "handover/" + id, p, List.of(jsonSha, pdfSha), now);
    return view(store.handover(id).orElseThrow(), i.getName());
  }

  /** The handovers of an inmate of the caller's sections, with the offices' feedback. */
  @RolesAllowed({Role.OFFICER_NAME, Role.REVIEWER_NAME})
  public List<HandoverView> ofInmate(String prisonerNumber) {
    Inmate i = scope.inmateInMySections(prisonerNumber == null ? "" : prisonerNumber.strip());
    return store.ofInmate(i.getId()).stream().map(h -> view(h, i.getName())).toList();
  }

  /**
   * The handovers the caller may read: an office's own (community corrections), or those of the
   * inmates of an officer's or reviewer's sections.
   */
  @RolesAllowed({Role.OFFICER_NAME, Role.REVIEWER_NAME, Role.COMMUNITY_CORRECTIONS_NAME})
  public List<HandoverView> readableByMe() {
    if (caller.has(Role.COMMUNITY_CORRECTIONS)) {
      return forMyOffices();
    }
    java.util.Set<Long> mine = scope.sections();
    List<HandoverView> out = new ArrayList<>();
    for (HandoverRow h : store.all()) {
      scope
          .inmate(h.prisonerNumber())
          .filter(i -> mine.contains(i.getSection().getId()))
          .ifPresent(i -> out.add(view(h, i.getName())));
    }
    return out;
  }

  /** The handovers issued to the caller's offices (community corrections). */
  @RolesAllowed(Role.COMMUNITY_CORRECTIONS_NAME)
  public List<HandoverView> forMyOffices() {
    List<Long> mine = store.officesOf(caller.name());
    return store.ofOffices(mine).stream().map(h -> view(h, name(h))).toList();
  }

  /** One handover's JSON as issued; the read is logged. */
  @RolesAllowed({Role.OFFICER_NAME, Role.REVIEWER_NAME, Role.COMMUNITY_CORRECTIONS_NAME})
  public String document(long id) {
    HandoverRow h = readable(id);
    readLog.read(h.prisonerNumber(), id, "json");
    return store.documents(id).json();
  }

  /** One handover's PDF as issued; the read is logged. */
  @RolesAllowed({Role.OFFICER_NAME, Role.REVIEWER_NAME, Role.COMMUNITY_CORRECTIONS_NAME})
  public byte[] pdf(long id) {
    HandoverRow h = readable(id);
    readLog.read(h.prisonerNumber(), id, "pdf");
    return store.documents(id).pdf();
  }

  /**
   * Writes the signed package: the person's log extract ending at a head written now, with the
   * handover's JSON and PDF and every evidence file the entries name. Answers the file name.
   */
  @RolesAllowed({Role.OFFICER_NAME, Role.REVIEWER_NAME, Role.COMMUNITY_CORRECTIONS_NAME})
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public String writePackage(long id, OutputStream out) throws IOException {
    HandoverRow h = readable(id);
    String failure = packages.failure();
    if (failure != null) {
      throw Refusal.conflict("audit.error.broken", failure);
    }
    readLog.read(h.prisonerNumber(), id, "package");
    // the issuing entry is sequenced shortly after its commit: wait for his chain to know it
    long until = System.currentTimeMillis() + 30_000;
    while (!packages.knows(h.prisonerNumber()) && System.currentTimeMillis() < until) {
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
    }
    long head = heads.head(h.prisonerNumber());
    HandoverStore.Documents d = store.documents(id);
    Map<String, byte[]> files = new LinkedHashMap<>();
    String base = "case/handover-" + h.prisonerNumber() + "-" + id;
    files.put(base + ".json", d.json().getBytes(StandardCharsets.UTF_8));
    files.put(base + ".pdf", d.pdf());
    packages.write(
        h.prisonerNumber(),
        head,
        out,
        new SubjectPackages.Contents() {
          @Override
          public Map<String, Object> recordFields(String subject, String action) {
            if (subject.equals("handover/" + id) && action.equals("readiness.handover.issued")) {
              // the row as the database holds it must match what the entry logged
              Map<String, Object> f = new LinkedHashMap<>();
              f.put("inmate", h.prisonerNumber());
              f.put("handover", id);
              f.put("json", h.jsonSha256());
              f.put("pdf", h.pdfSha256());
              return f;
            }
            return Map.of();
          }

          @Override
          public Map<String, byte[]> files() {
            return files;
          }

          @Override
          public byte[] bySha256(String sha256) throws IOException {
            if (files.values().stream().anyMatch(b -> MerkleTree.sha256Hex(b).equals(sha256))) {
              return null; // already in the package under its own name
            }
            byte[] earlier = store.documentBySha(h.inmateId(), sha256);
            return earlier != null ? earlier : evidence.bySha256(sha256);
          }
        });
    return "handover-" + h.prisonerNumber() + "-" + id + ".zip";
  }

  /** Records the person's first report; late when after the due day. */
  @RolesAllowed(Role.COMMUNITY_CORRECTIONS_NAME)
  public HandoverView recordFirstReport(long id, LocalDate reportedOn, String note) {
    HandoverRow h = readable(id);
    String text = note == null ? "" : note.strip();
    if (text.length() > 2000) {
      throw Refusal.invalid("readiness.refused", "说明过长（最多 2000 字）", "the note is too long");
    }
    FirstReport r;
    try {
      Optional<LocalDate> ruling = Optional.empty();
      LocalDate release = h.releaseOn();
      if (h.reportDue() != null && release != null) {
        // the due day was fixed when the handover was issued (from the ruling or the release)
        ruling = Optional.of(h.reportDue().minusDays(FirstReport.DAYS));
        if (ruling.get().equals(release)) {
          ruling = Optional.empty();
        }
      }
      r = FirstReport.of(release, ruling, reportedOn, time.today());
    } catch (ReadinessRefusal e) {
      throw Refusal.invalid("readiness.refused", e.zh(), e.en());
    }
    Instant now = time.now();
    long reportId = store.addReport(id, reportedOn, r.late(), text, caller.name(), now);
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("inmate", h.prisonerNumber());
    p.put("handover", id);
    p.put("report", reportId);
    p.put("reportedOn", reportedOn.toString());
    p.put("late", r.late());
    p.put("note", text);
    auditLog.record("readiness.handover.firstReport", "handover/" + id, p, List.of(), now);
    return view(store.handover(id).orElseThrow(), name(h));
  }

  /** A handover the caller may read: his office's, or his sections' inmate's; else not found. */
  private HandoverRow readable(long id) {
    HandoverRow h =
        store.handover(id).orElseThrow(() -> Refusal.notFound("handover.error.unknown"));
    if (caller.has(Role.COMMUNITY_CORRECTIONS)) {
      if (!store.officesOf(caller.name()).contains(h.officeId())) {
        throw Refusal.notFound("handover.error.unknown");
      }
    } else {
      scope.inmateInMySections(h.prisonerNumber());
    }
    return h;
  }

  private String name(HandoverRow h) {
    Object person = CanonicalJson.parse(store.documents(h.id()).json());
    if (person instanceof Map<?, ?> m && m.get("person") instanceof Map<?, ?> pm) {
      return String.valueOf(pm.get("name"));
    }
    return "";
  }

  private HandoverView view(HandoverRow h, String name) {
    Office o = store.office(h.officeId()).orElseThrow();
    List<ReportView> reports =
        store.reports(List.of(h.id())).stream()
            .map(
                (ReportRow r) ->
                    new ReportView(
                        r.reportedOn(), r.late(), r.note(), r.recordedBy(), r.recordedAt()))
            .toList();
    return new HandoverView(
        h.id(),
        h.prisonerNumber(),
        name,
        o.nameZh(),
        o.nameEn(),
        h.releaseOn(),
        h.reportDue(),
        h.issuedBy(),
        h.issuedAt(),
        h.jsonSha256(),
        h.pdfSha256(),
        reports.isEmpty() ? null : reports.get(reports.size() - 1),
        reports);
  }

  private Map<String, Object> document(
      Inmate i, Office office, PlanPage plan, LocalDate due, Instant now) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("format", FORMAT);
    d.put("issuedAt", now.toString());
    d.put("issuedBy", caller.name());
    d.put(
        "office",
        Map.of("code", office.code(), "nameZh", office.nameZh(), "nameEn", office.nameEn()));
    Map<String, Object> person = new LinkedHashMap<>();
    person.put("prisonerNumber", i.getNumber());
    person.put("name", i.getName());
    person.put("section", i.getSection().getFullName());
    person.put("admission", String.valueOf(i.getAdmissionDate()));
    d.put("person", person);

    Map<String, Object> sentence = new LinkedHashMap<>();
    sentence.put("release", plan.release() == null ? null : plan.release().toString());
    sentence.put("parole", plan.parole());
    sentence.put("firstReportDue", due == null ? null : due.toString());
    List<Object> rl = new ArrayList<>();
    for (RulingHistory.Ruling r : rulings.of(i.getId())) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("kind", r.kind());
      m.put("case", r.caseNumber());
      m.put("ruledOn", r.ruledOn().toString());
      m.put("months", (long) r.months());
      m.put("newEnd", r.newEnd() == null ? null : r.newEnd().toString());
      rl.add(m);
    }
    sentence.put("rulings", rl);
    d.put("sentence", sentence);

    List<Object> items = new ArrayList<>();
    for (ReleasePlanService.ItemLine it : plan.items()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("code", it.code());
      m.put("pathway", it.pathway());
      m.put("item", it.zh());
      m.put("owner", it.ownerZh());
      m.put("deadline", it.deadline() == null ? null : it.deadline().toString());
      m.put("status", it.status());
      m.put("late", it.late());
      m.put("note", it.note());
      items.add(m);
    }
    Map<String, Object> planMap = new LinkedHashMap<>();
    planMap.put("settled", (long) plan.settled());
    planMap.put("total", (long) plan.total());
    planMap.put("items", items);
    d.put("plan", planMap);

    Map<String, Object> riskMap = new LinkedHashMap<>();
    Optional<RiskAssessments.CurrentAssessment> a = risk.currentFor(i.getId());
    riskMap.put("assessed", a.isPresent());
    a.ifPresent(
        x -> {
          riskMap.put("level", x.effectiveLevel().name());
          riskMap.put("levelZh", x.effectiveLevel().zh());
          riskMap.put("scoreLevel", x.score().level().name());
          riskMap.put("overridden", x.overridden());
          riskMap.put("overrideReason", x.overrideReason());
          riskMap.put("instrument", x.score().instrument());
          riskMap.put("calibrated", x.score().calibrated());
          // probabilities as text: canonical JSON has whole numbers only
          riskMap.put(
              "probability", String.format(java.util.Locale.ROOT, "%.3f", x.score().probability()));
          List<Object> factors = new ArrayList<>();
          for (Contribution c : x.score().contributions()) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("factor", c.factor());
            f.put("zh", c.factorZh());
            f.put("value", c.valueZh());
            f.put("weight", String.format(java.util.Locale.ROOT, "%.3f", c.weight()));
            factors.add(f);
          }
          riskMap.put("factors", factors);
        });
    d.put("risk", riskMap);

    Map<String, Object> education = new LinkedHashMap<>();
    education.put(
        "credits",
        learning.creditsOf(i.getId()).stream()
            .map(
                c -> {
                  Map<String, Object> m = new LinkedHashMap<>();
                  m.put("course", c.course());
                  m.put("credits", (long) c.credits());
                  m.put("confirmedAt", c.at().toString());
                  return (Object) m;
                })
            .toList());
    education.put(
        "musicCertificates",
        music.of(i.getId()).stream()
            .map(
                c -> {
                  Map<String, Object> m = new LinkedHashMap<>();
                  m.put("instrument", c.instrumentZh());
                  m.put("level", c.level());
                  m.put("on", c.on().toString());
                  m.put("number", c.number());
                  return (Object) m;
                })
            .toList());
    d.put("education", education);

    Map<String, List<ScenarioAttempts.StoredAttempt>> byScenario =
        attempts.ofInmate(i.getId()).stream()
            .collect(
                Collectors.groupingBy(
                    ScenarioAttempts.StoredAttempt::scenarioId,
                    LinkedHashMap::new,
                    Collectors.toList()));
    List<Object> sims = new ArrayList<>();
    for (Map.Entry<String, List<ScenarioAttempts.StoredAttempt>> e : byScenario.entrySet()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("scenario", e.getKey());
      m.put(
          "title",
          // as the latest attempt played it: a withdrawn package's scenario keeps its title
          catalogue
              .asPlayed(
                  e.getKey(), last(e.getValue()).packageId(), last(e.getValue()).packageVersion())
              .map(Scenario::title)
              .map(t -> t.zh())
              .orElse(e.getKey()));
      m.put("attempts", (long) e.getValue().size());
      m.put(
          "best",
          (long)
              e.getValue().stream()
                  .mapToInt(ScenarioAttempts.StoredAttempt::score)
                  .max()
                  .orElse(0));
      m.put("passed", e.getValue().stream().anyMatch(ScenarioAttempts.StoredAttempt::passed));
      sims.add(m);
    }
    d.put("simulations", sims);

    List<MonthView> months = ledger.monthsOf(i.getNumber());
    Map<String, Object> ledgerMap = new LinkedHashMap<>();
    ledgerMap.put("months", (long) months.size());
    if (!months.isEmpty()) {
      MonthView last =
          months.stream().max(java.util.Comparator.comparing(MonthView::month)).orElseThrow();
      ledgerMap.put("lastMonth", last.month());
      ledgerMap.put("balance", last.balance().toString());
    }
    ledgerMap.put(
        "total",
        months.stream()
            .map(MonthView::total)
            .reduce(cn.xinsheng.ledger.domain.Points::plus)
            .map(Object::toString)
            .orElse("0"));
    d.put("ledger", ledgerMap);
    return d;
  }

  @SuppressWarnings("unchecked")
  private byte[] pdf(Map<String, Object> d, PlanPage plan, Office office) throws IOException {
    Map<String, Object> person = (Map<String, Object>) d.get("person");
    Map<String, Object> sentence = (Map<String, Object>) d.get("sentence");
    Map<String, Object> risk = (Map<String, Object>) d.get("risk");
    Map<String, Object> education = (Map<String, Object>) d.get("education");
    Map<String, Object> ledger = (Map<String, Object>) d.get("ledger");
    List<HandoverPdf.Part> parts = new ArrayList<>();
    parts.add(
        new HandoverPdf.Part(
            "服刑人员 Person",
            List.of(
                "编号 No.: " + person.get("prisonerNumber") + "    姓名 Name: " + person.get("name"),
                "监区 Section: "
                    + person.get("section")
                    + "    入监 Admitted: "
                    + person.get("admission"),
                "接收机构 Office: " + office.nameZh() + " / " + office.nameEn(),
                // people read the PDF: the prison's time to the minute and the issuer's name (the
                // signed JSON keeps the instant and the login, it is machine data)
                "交接时间 Issued: "
                    + time.format(Instant.parse(String.valueOf(d.get("issuedAt"))))
                    + "    交接人 Issued by: "
                    + accounts.recordName(String.valueOf(d.get("issuedBy")))),
            null,
            null));
    List<String[]> rulingRows = new ArrayList<>();
    for (Object o : (List<Object>) sentence.get("rulings")) {
      Map<String, Object> r = (Map<String, Object>) o;
      rulingRows.add(
          new String[] {
            String.valueOf(r.get("case")),
            cn.xinsheng.platform.Wording.both("case.kind", r.get("kind")),
            String.valueOf(r.get("ruledOn")),
            String.valueOf(r.get("months")),
            r.get("newEnd") == null ? "" : String.valueOf(r.get("newEnd"))
          });
    }
    parts.add(
        new HandoverPdf.Part(
            "刑期与裁定 Sentence and rulings",
            List.of(
                "释放日期 Release: "
                    + (sentence.get("release") == null
                        ? "无（无期）/ none (life)"
                        : sentence.get("release")),
                "假释 Parole: " + (Boolean.TRUE.equals(sentence.get("parole")) ? "是 yes" : "否 no"),
                "首次报到期限 First report due: "
                    + (sentence.get("firstReportDue") == null
                        ? "-"
                        : sentence.get("firstReportDue"))
                    + "（《社区矫正法》第二十一条 / Community Corrections Law art. 21）"),
            new String[] {"案号 Case", "类型 Kind", "裁定日 Ruled", "月数 Months", "新刑期止日 New end"},
            rulingRows));
    List<String[]> itemRows = new ArrayList<>();
    for (ReleasePlanService.ItemLine it : plan.items()) {
      itemRows.add(
          new String[] {
            it.pathwayZh(),
            it.zh(),
            it.ownerZh(),
            it.deadline() == null ? "-" : it.deadline().toString(),
            it.statusZh() + (it.late() ? "（逾期 late）" : ""),
            it.note()
          });
    }
    parts.add(
        new HandoverPdf.Part(
            "出监计划 Release plan",
            List.of("已办结 Settled: " + plan.settled() + " / " + plan.total()),
            new String[] {
              "方面 Pathway", "事项 Item", "负责 Owner", "期限 Deadline", "状态 Status", "说明 Note"
            },
            itemRows));
    List<String> riskLines = new ArrayList<>();
    List<String[]> factorRows = new ArrayList<>();
    if (Boolean.TRUE.equals(risk.get("assessed"))) {
      riskLines.add(
          "等级 Level: "
              + risk.get("levelZh")
              + (Boolean.TRUE.equals(risk.get("overridden"))
                  ? "（人工调整 overridden: " + risk.get("overrideReason") + "）"
                  : ""));
      riskLines.add(
          "工具 Instrument: "
              + risk.get("instrument")
              + (Boolean.TRUE.equals(risk.get("calibrated"))
                  ? ""
                  : "（未针对服刑人员校准 / uncalibrated for prisoners）")
              + "；仅供参考，非决定 / advice, never a decision");
      for (Object o : (List<Object>) risk.get("factors")) {
        Map<String, Object> f = (Map<String, Object>) o;
        factorRows.add(
            new String[] {
              String.valueOf(f.get("zh")),
              String.valueOf(f.get("value")),
              String.valueOf(f.get("weight"))
            });
      }
    } else {
      riskLines.add("未评估 / not assessed");
    }
    parts.add(
        new HandoverPdf.Part(
            "再犯风险 Risk (advice)",
            riskLines,
            factorRows.isEmpty() ? null : new String[] {"因素 Factor", "取值 Value", "贡献 Weight"},
            factorRows));
    List<String[]> creditRows = new ArrayList<>();
    for (Object o : (List<Object>) education.get("credits")) {
      Map<String, Object> c = (Map<String, Object>) o;
      creditRows.add(
          new String[] {
            String.valueOf(c.get("course")),
            String.valueOf(c.get("credits")),
            // the day in the prison's zone, not the UTC day the instant's text begins with
            time.dayOf(Instant.parse(String.valueOf(c.get("confirmedAt")))).toString()
          });
    }
    List<String[]> musicRows = new ArrayList<>();
    for (Object o : (List<Object>) education.get("musicCertificates")) {
      Map<String, Object> c = (Map<String, Object>) o;
      musicRows.add(
          new String[] {
            String.valueOf(c.get("instrument")),
            String.valueOf(c.get("level")),
            String.valueOf(c.get("on"))
          });
    }
    parts.add(
        new HandoverPdf.Part(
            "学习记录 Education (credits)",
            List.of(),
            new String[] {"课程 Course", "学分 Credits", "确认 Confirmed"},
            creditRows));
    parts.add(
        new HandoverPdf.Part(
            "民乐考级证书 Music certificates",
            List.of(),
            new String[] {"乐器 Instrument", "级别 Level", "日期 Date"},
            musicRows));
    List<String[]> simRows = new ArrayList<>();
    for (Object o : (List<Object>) d.get("simulations")) {
      Map<String, Object> s = (Map<String, Object>) o;
      simRows.add(
          new String[] {
            String.valueOf(s.get("title")),
            String.valueOf(s.get("attempts")),
            String.valueOf(s.get("best")),
            Boolean.TRUE.equals(s.get("passed")) ? "通过 passed" : "未通过 not yet"
          });
    }
    parts.add(
        new HandoverPdf.Part(
            "模拟训练 Simulations",
            List.of(),
            new String[] {"情景 Scenario", "次数 Attempts", "最高分 Best", "结果 Result"},
            simRows));
    parts.add(
        new HandoverPdf.Part(
            "计分考核 Ledger summary",
            List.of(
                "月数 Months: "
                    + ledger.get("months")
                    + "    合计 Total: "
                    + ledger.get("total")
                    + (ledger.containsKey("balance")
                        ? "    余分 Balance ("
                            + ledger.get("lastMonth")
                            + "): "
                            + ledger.get("balance")
                        : "")),
            null,
            null));
    return HandoverPdf.write("出监交接 / Handover to community corrections", parts);
  }

  private static ScenarioAttempts.StoredAttempt last(List<ScenarioAttempts.StoredAttempt> of) {
    return of.get(of.size() - 1);
  }
}
