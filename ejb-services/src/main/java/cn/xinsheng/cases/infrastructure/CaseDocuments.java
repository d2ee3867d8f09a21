package cn.xinsheng.cases.infrastructure;

import cn.xinsheng.cases.application.CaseFile;
import cn.xinsheng.cases.application.CaseFile.CycleLine;
import cn.xinsheng.cases.application.CaseFile.LedgerLine;
import cn.xinsheng.cases.application.CaseFile.TimelineItem;
import cn.xinsheng.cases.application.CaseSummary;
import cn.xinsheng.platform.ChineseFont;
import cn.xinsheng.platform.PrisonTime;
import cn.xinsheng.platform.Wording;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The case's documents as the court and the noticeboard receive them, in Chinese with the Noto Sans
 * SC font the product ships embedded: the proposal with its supporting tables, the posting notice,
 * the public list of rulings.
 */
public final class CaseDocuments {

  private static final Map<String, String> STEPS =
      Map.ofEntries(
          Map.entry("PROPOSAL", "分监区提请 Proposal"),
          Map.entry("WARD_MEETING", "监区长办公会 Ward meeting"),
          Map.entry("EXECUTION_REVIEW", "刑罚执行科审查 Department review"),
          Map.entry("COMMITTEE", "评审委员会 Review committee"),
          Map.entry("POSTING", "狱内公示 Posting"),
          Map.entry("RECHECK", "评审委员会复核公示异议 Committee recheck"),
          Map.entry("DIRECTOR_MEETING", "监狱长办公会 Director meeting"),
          Map.entry("SUBMISSION", "提请法院 Submission"),
          Map.entry("BUREAU_REVIEW", "监狱管理局审查 Bureau review"),
          Map.entry("BUREAU_DECISION", "监狱管理局审核决定 Bureau decision"),
          Map.entry("COURT_RECEIPT", "法院立案 Court receipt"),
          Map.entry("COURT_POSTING", "法院公示 Court posting"),
          Map.entry("HEARING", "开庭 Hearing"),
          Map.entry("RULING", "裁定 Ruling"),
          Map.entry("SERVICE", "送达 Service"));

  private CaseDocuments() {}

  public static String stepName(String step) {
    return step == null ? "—" : STEPS.getOrDefault(step, step);
  }

  private static String kind(String kind) {
    return "PAROLE".equals(kind) ? "假释 Parole" : "减刑 Reduction";
  }

  /**
   * The proposal's title, each language whole: the bilingual {@link #kind} spliced into the Chinese
   * phrase read "提请减刑 Reduction建议书", which is neither the document's name nor searchable.
   */
  private static String proposalTitle(String kind) {
    return "PAROLE".equals(kind) ? "提请假释建议书 / Parole proposal" : "提请减刑建议书 / Reduction proposal";
  }

  /** The proposal (提请减刑/假释建议书) with the eligibility, the cycles, the steps and the ledger. */
  /**
   * @param zone the prison's zone, in which every moment is shown
   */
  /**
   * The amount proposed, in words: when the committee's 复核 changed it (司法部令第130号第十一条), the changed
   * amount and the section's original beside it, so the court reads both.
   */
  static String proposedInWords(CaseSummary s) {
    if (!s.changedOnRecheck()) {
      return s.proposedMonths() == null ? "—" : s.proposedMonths() + " 个月 months";
    }
    return months(s.proposedMonths())
        + " months（评审委员会复核后变更，原建议 "
        + months(s.originalMonths())
        + "，司法部令第130号第十一条 / changed by the committee on re-examination of a posting"
        + " objection; originally "
        + (s.originalMonths() == null ? "—" : s.originalMonths() + " months")
        + "）";
  }

  /**
   * Both postings by name, as the case page shows them: the prison's (狱内公示, 司法部令第130号) and, once
   * the court began it, the court's (法院公示), which the ruling waits for; each its last day in the
   * prison's zone, "—" while there is none.
   */
  static String postings(CaseSummary s, ZoneId zone) {
    return "监狱公示截止 Prison posting ends: "
        + Wording.day(s.postingEnds(), zone)
        + "    法院公示截止 Court posting ends: "
        + Wording.day(s.courtPostingEnds(), zone);
  }

  private static String months(Integer m) {
    return m == null ? "—" : m + " 个月";
  }

  public static byte[] proposal(CaseFile f, String madeBy, Instant madeAt, ZoneId zone)
      throws IOException {
    return proposal(f, madeBy, madeAt, zone, java.util.Map.of());
  }

  /**
   * The proposal with the people it names by name, the login beside it ("褚明（committee1）"): the
   * court reads who made, signed, voted and was authorised, not logins. {@code names} maps logins
   * to names; a login without one is shown alone.
   */
  public static byte[] proposal(
      CaseFile f, String madeBy, Instant madeAt, ZoneId zone, java.util.Map<String, String> names)
      throws IOException {
    java.util.function.Function<String, String> person =
        login -> {
          String name = login == null ? null : names.get(login);
          return name == null || name.equals(login) ? login : name + "（" + login + "）";
        };
    DateTimeFormatter when = DateTimeFormatter.ofPattern(PrisonTime.MINUTES).withZone(zone);
    CaseSummary s = f.summary();
    return pdf(
        proposalTitle(s.kind()) + " " + s.number(),
        true,
        doc -> {
          doc.add(new Paragraph(proposalTitle(s.kind()) + " " + s.number(), ChineseFont.bold(16)));
          doc.add(
              new Paragraph(
                  "罪犯 "
                      + s.prisonerNumber()
                      + " "
                      + s.inmateName()
                      + "    "
                      + s.sectionName()
                      + "    建议 Proposed: "
                      + proposedInWords(s)
                      + "    现刑期止日 Sentence ends: "
                      + (f.currentSentenceEnd() == null ? "无期 life" : f.currentSentenceEnd()),
                  ChineseFont.font(10)));
          doc.add(
              new Paragraph(
                  "状态 Status: "
                      + Wording.both("case.status", s.status())
                      + "    下一步 Next: "
                      + stepName(s.nextStep())
                      + "    制作 Made by "
                      + person.apply(madeBy)
                      + " "
                      + when.format(madeAt),
                  ChineseFont.font(9)));
          doc.add(new Paragraph(postings(s, zone), ChineseFont.font(9)));
          heading(doc, "提请理由 / Rationale");
          doc.add(new Paragraph(f.rationale(), ChineseFont.font(10)));
          heading(doc, "资格计算 / Eligibility (rule table " + f.ruleVersion() + ")");
          if (f.eligibility() != null) {
            var e = f.eligibility();
            doc.add(
                new Paragraph(
                    Wording.both("case.kind", e.kind())
                        + " · "
                        + Wording.both("eligibility.outcome", e.outcome())
                        + "  起算 eligible on "
                        + e.eligibleOn()
                        + "  最多 max "
                        + (e.maxMonths() == null ? "—" : e.maxMonths() + " 个月")
                        + "  依据 reason "
                        + Wording.reason(e.reasonKey(), e.reasonArgs()),
                    ChineseFont.font(9)));
          }
          heading(doc, "所依据的考核周期与表扬 / Cycles and commendations cited");
          List<String[]> cycles = new ArrayList<>();
          for (CycleLine c : f.cycles()) {
            cycles.add(
                new String[] {
                  "#" + c.number(),
                  c.firstMonth() + " – " + c.closedMonth(),
                  Wording.both("ledger.cycle.result", c.result()),
                  String.valueOf(c.reason()),
                  String.valueOf(c.decidedBy())
                });
          }
          doc.add(
              table(
                  new String[] {"周期 Cycle", "月份 Months", "结果 Result", "理由 Reason", "决定人 By"},
                  cycles,
                  8));
          heading(doc, "办理经过 / Steps, votes and opinions");
          List<String[]> steps = new ArrayList<>();
          for (TimelineItem t : f.timeline()) {
            steps.add(
                new String[] {
                  when.format(t.at()),
                  Wording.both("case.event", t.type()),
                  stepName(t.step()),
                  person.apply(t.signedBy()) + " (" + Wording.both("role", t.role()) + ")",
                  (t.choice() == null
                          ? ""
                          : Wording.both(
                                  // the bureau's APPROVED is not the committee's
                                  "BUREAU_DECISION".equals(t.step())
                                      ? "case.bureau"
                                      : "case.choice,case.vote,case.opinion,case.status,case.recheck",
                                  t.choice())
                              + " ")
                      + (t.months() == null ? "" : t.months() + "个月 ")
                      + (t.party() == null ? "" : person.apply(t.party()) + " ")
                      + (t.late() ? "逾期 LATE " : ""),
                  t.note()
                      + (t.attachment() == null
                          ? ""
                          : "\n附件 Attachment: "
                              + t.attachment().name()
                              + " (SHA-256 "
                              + t.attachment().sha256()
                              + ", case/evidence/)")
                });
          }
          doc.add(
              table(
                  new String[] {
                    "时间 When", "类型 Type", "步骤 Step", "签署人 Signed by", "结果 Result", "意见 Note"
                  },
                  steps,
                  8));
          if (f.tally() != null) {
            doc.add(
                new Paragraph(
                    "评审委员会 Committee: "
                        + f.tally().members()
                        + " 人 members, 同意 agree "
                        + f.tally().agree()
                        + ", 不同意 disagree "
                        + f.tally().disagree()
                        + ", 弃权 abstain "
                        + f.tally().abstain()
                        + ", 法定人数 quorum "
                        + f.tally().quorum(),
                    ChineseFont.font(9)));
          }
          heading(doc, "计分考核记录 / Points ledger entries with reviews and evidence");
          List<String[]> lines = new ArrayList<>();
          for (LedgerLine l : f.ledger()) {
            lines.add(
                new String[] {
                  "#" + l.id(),
                  l.month(),
                  l.clause(),
                  l.amount(),
                  l.fact(),
                  l.recordedBy(),
                  (l.review() == null ? "待审 pending" : Wording.both("ledger.status", l.review()))
                      + (l.reviewedBy() == null ? "" : " " + l.reviewedBy()),
                  l.evidenceIds()
                });
          }
          doc.add(table(new String[] {"编号", "月份", "条款", "分值", "事实", "录入人", "审核", "证据"}, lines, 7));
          doc.add(new Paragraph(" ", ChineseFont.font(6)));
          doc.add(
              new Paragraph(
                  "本建议书、各项记录、证据文件及其审计证明同在一个案卷包中，可用 bin/xinsheng verify 或"
                      + " xinsheng-verify.jar 离线核验，任何被改动的记录都会被逐一指出。 / This proposal, its records,"
                      + " evidence files and their audit proofs form one case package that bin/xinsheng verify checks"
                      + " offline, naming every record that was changed.",
                  ChineseFont.font(8)));
        });
  }

  /** The posting notice (公示) for the section noticeboard. */
  public static byte[] postingNotice(List<CaseSummary> cases, LocalDate today) throws IOException {
    return pdf(
        "减刑假释公示",
        false,
        doc -> {
          doc.add(new Paragraph("减刑、假释提请公示 / Posting of proposals", ChineseFont.bold(16)));
          doc.add(
              new Paragraph(
                  "公示日期 "
                      + today
                      + "。对下列提请有异议的，请在公示截止日前向刑罚执行科或在终端上提出。"
                      + " / Objections to these proposals may be raised with the penalty-execution"
                      + " department, or at the terminal, until the end date.",
                  ChineseFont.font(10)));
          List<String[]> rows = new ArrayList<>();
          for (CaseSummary s : cases) {
            rows.add(
                new String[] {
                  s.number(),
                  s.prisonerNumber(),
                  s.inmateName(),
                  s.sectionName(),
                  kind(s.kind()),
                  s.changedOnRecheck()
                      ? months(s.proposedMonths()) + "（复核变更，原 " + months(s.originalMonths()) + "）"
                      : months(s.proposedMonths()),
                  String.valueOf(s.postingEnds())
                });
          }
          doc.add(
              table(
                  new String[] {
                    "案号 Case",
                    "编号 No.",
                    "姓名 Name",
                    "分监区 Section",
                    "类型 Kind",
                    "建议 Proposed",
                    "公示截止 Ends"
                  },
                  rows,
                  10));
        });
  }

  /** The public list of rulings served. */
  public static byte[] rulingList(List<CaseSummary> cases, LocalDate today) throws IOException {
    return pdf(
        "减刑假释裁定公开",
        false,
        doc -> {
          doc.add(new Paragraph("减刑、假释裁定结果公开 / Rulings published", ChineseFont.bold(16)));
          doc.add(new Paragraph("截至 as of " + today, ChineseFont.font(10)));
          List<String[]> rows = new ArrayList<>();
          for (CaseSummary s : cases) {
            rows.add(
                new String[] {
                  s.number(),
                  s.prisonerNumber(),
                  s.inmateName(),
                  kind(s.kind()),
                  Wording.both("case.status", s.status())
                });
          }
          doc.add(
              table(
                  new String[] {"案号 Case", "编号 No.", "姓名 Name", "类型 Kind", "结果 Result"}, rows, 10));
        });
  }

  private interface Body {
    void write(Document doc) throws DocumentException;
  }

  private static byte[] pdf(String title, boolean landscape, Body body) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document doc = new Document(landscape ? PageSize.A4.rotate() : PageSize.A4, 28, 28, 28, 28);
    try {
      PdfWriter.getInstance(doc, out);
      doc.addTitle(title);
      doc.addCreator("Xinsheng 新生");
      doc.open();
      body.write(doc);
    } catch (DocumentException e) {
      throw new IOException(e);
    } finally {
      if (doc.isOpen()) {
        doc.close();
      }
    }
    return out.toByteArray();
  }

  private static void heading(Document doc, String text) throws DocumentException {
    doc.add(new Paragraph(" ", ChineseFont.font(4)));
    doc.add(new Paragraph(text, ChineseFont.bold(11)));
  }

  private static PdfPTable table(String[] headers, List<String[]> rows, float size) {
    PdfPTable t = new PdfPTable(headers.length);
    t.setWidthPercentage(100);
    t.setHeaderRows(1);
    for (String head : headers) {
      PdfPCell c = new PdfPCell(new Phrase(head, ChineseFont.bold(size)));
      c.setHorizontalAlignment(Element.ALIGN_CENTER);
      c.setGrayFill(0.9f);
      t.addCell(c);
    }
    for (String[] row : rows) {
      for (String cell : row) {
        t.addCell(new Phrase(cell == null ? "" : cell, ChineseFont.font(size)));
      }
    }
    if (rows.isEmpty()) {
      PdfPCell none = new PdfPCell(new Phrase("（无 / none）", ChineseFont.font(size)));
      none.setColspan(headers.length);
      t.addCell(none);
    }
    return t;
  }
}
