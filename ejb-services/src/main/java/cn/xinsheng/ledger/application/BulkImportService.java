package cn.xinsheng.ledger.application;

import cn.xinsheng.evidence.application.EvidenceService;
import cn.xinsheng.evidence.domain.Evidence;
import cn.xinsheng.evidence.domain.EvidenceKind;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.ledger.domain.BulkSheet;
import cn.xinsheng.ledger.domain.EntryBatch;
import cn.xinsheng.ledger.domain.Violation;
import cn.xinsheng.organisation.application.CallerScope;
import cn.xinsheng.platform.Caller;
import cn.xinsheng.platform.PrisonTime;
import cn.xinsheng.platform.Refusal;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bulk entry for a section from a spreadsheet: every row checked and shown before anything is
 * saved; then saved as one batch (all rows or none), with the sheet itself kept as the evidence of
 * every row and the progress shown while it runs.
 */
@Stateless
@RolesAllowed(Role.OFFICER_NAME)
public class BulkImportService {

  @Inject LedgerService ledger;
  @Inject EvidenceService evidence;
  @Inject LedgerAudit audit;
  @Inject CallerScope scope;
  @Inject Caller caller;
  @Inject PrisonTime time;
  @Inject JobProgress progress;

  @PersistenceContext(unitName = "xinsheng")
  EntityManager em;

  /** One row checked: its fields and what is wrong with it (nothing, when it may be saved). */
  public record RowCheck(BulkSheet.Line line, List<Violation> violations) {
    public boolean ok() {
      return violations.isEmpty();
    }

    /** The row's number in the sheet, from 1 under the header. */
    public int row() {
      return line.row();
    }

    public String prisonerNumber() {
      return line.prisonerNumber();
    }

    public String clause() {
      return line.clause();
    }

    /** The amount as the sheet wrote it. */
    public String amount() {
      return line.amount();
    }

    public String fact() {
      return line.fact();
    }

    /** The date as the sheet wrote it. */
    public String date() {
      return line.date();
    }

    /** What is wrong with the row, each a message key with its arguments. */
    public List<Problem> problems() {
      return violations.stream().map(v -> new Problem(v.key(), v.args())).toList();
    }
  }

  /** One thing wrong with a row: the message that says it, and its arguments. */
  public record Problem(String key, List<Object> args) {}

  public static String jobKey(String sha256) {
    return "bulk:" + sha256;
  }

  public List<RowCheck> preview(long sectionId, byte[] content) {
    scope.requireSection(sectionId);
    List<BulkSheet.Line> lines;
    try {
      lines = BulkSheet.read(content);
    } catch (BulkSheet.Unreadable e) {
      throw Refusal.invalid(e.key());
    }
    List<RowCheck> out = new ArrayList<>();
    for (BulkSheet.Line line : lines) {
      List<Violation> v = new ArrayList<>();
      LocalDate day = line.day();
      if (day == null) {
        v.add(Violation.of("bulk.error.date", line.date()));
      } else {
        v.addAll(ledger.violations(command(line, day, List.of()), List.of(EvidenceKind.RECORD)));
        if (v.isEmpty()
            && scope.inmateInMySections(line.prisonerNumber()).getSection().getId() != sectionId) {
          v.add(Violation.of("bulk.error.otherSection", line.prisonerNumber()));
        }
      }
      out.add(new RowCheck(line, v));
    }
    return out;
  }

  /** The batch as a job: the page polls {@link JobProgress} under {@link #jobKey}. */
  @jakarta.ejb.Asynchronous
  public java.util.concurrent.Future<Long> commitInBackground(
      long sectionId, String fileName, byte[] content) {
    try {
      return new jakarta.ejb.AsyncResult<>(commit(sectionId, fileName, content));
    } catch (Refusal r) {
      progress.fail(jobKey(sha256(content)), r.messageKey());
      throw r;
    }
  }

  /** Saves every row as one batch, or nothing when any row is wrong. Returns the batch id. */
  public long commit(long sectionId, String fileName, byte[] content) {
    List<RowCheck> checked = preview(sectionId, content);
    long wrong = checked.stream().filter(r -> !r.ok()).count();
    if (wrong > 0) {
      throw Refusal.invalid("bulk.error.rowsWrong", wrong);
    }
    String sha = sha256(content);
    String job = jobKey(sha);
    progress.start(job, checked.size());
    Evidence sheet =
        evidence.upload(
            new ByteArrayInputStream(content),
            fileName,
            "批量导入 / bulk import",
            "批量录入的原始表格 / the sheet of a bulk entry",
            sectionId);
    if (sheet.getKind() != EvidenceKind.RECORD) {
      throw Refusal.invalid("bulk.error.format");
    }
    EntryBatch batch =
        new EntryBatch(sectionId, fileName, sha, checked.size(), caller.name(), time.now());
    em.persist(batch);
    em.flush();
    int done = 0;
    for (RowCheck row : checked) {
      ledger.record(command(row.line(), row.line().day(), List.of(sheet.getId())), batch.getId());
      if (++done % 50 == 0) {
        progress.advance(job, done);
      }
    }
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("section", sectionId);
    p.put("batch", batch.getId());
    p.put("file", fileName);
    p.put("rows", checked.size());
    audit.append(
        "ledger.batch.imported",
        "entry-batch/" + batch.getId(),
        p,
        List.of(sheet.getSha256()),
        time.now());
    progress.finish(job, batch.getId());
    return batch.getId();
  }

  private RecordCommand command(BulkSheet.Line line, LocalDate day, List<Long> evidence) {
    return new RecordCommand(
        line.prisonerNumber(),
        null,
        line.clause(),
        line.amount(),
        line.fact(),
        occurredOn(day),
        evidence);
  }

  /**
   * A sheet names days, not times: the entry is dated noon of its day in the prison, or now when
   * that is still ahead today, so a sheet of today's work is accepted at any hour.
   */
  Instant occurredOn(LocalDate day) {
    Instant noon = time.at(day.atTime(12, 0));
    Instant now = time.now();
    return day.equals(time.today()) && noon.isAfter(now) ? now : noon;
  }

  public static String sha256(byte[] content) {
    return cn.xinsheng.audit.MerkleTree.sha256Hex(content);
  }
}
