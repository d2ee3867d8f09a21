package cn.xinsheng.ledger.application;

import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.ledger.domain.CloseState;
import cn.xinsheng.ledger.infrastructure.LedgerDocuments;
import cn.xinsheng.organisation.application.CallerScope;
import cn.xinsheng.organisation.domain.Inmate;
import cn.xinsheng.platform.Caller;
import cn.xinsheng.platform.PrisonTime;
import cn.xinsheng.platform.Refusal;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One inmate's ledger over time: his entries (the timeline), his months and his closed cycles, for
 * the officers of his section and the external readers, printed as a workbook or a PDF; and the
 * inmate's own view of the same, which shows only what has been approved or published.
 */
@Stateless
// The default covers the readers of an inmate's ledger (his section's officers, the external
// readers, the warden and the committee); the inmate's own reads name his role.
@RolesAllowed({
  Role.OFFICER_NAME,
  Role.REVIEWER_NAME,
  Role.PROSECUTOR_NAME,
  Role.JUDGE_NAME,
  Role.SUPERVISOR_NAME,
  Role.WARDEN_NAME,
  Role.COMMITTEE_NAME,
  Role.HIGH_JUDGE_NAME
})
public class InmateLedgerQueries {

  @Inject CallerScope scope;
  @Inject Caller caller;
  @Inject CaseReferences cases;
  @Inject PrisonTime time;
  @Inject LedgerReads reads;
  @Inject LedgerReadModel model;

  /** An inmate's whole ledger, for the officers of his section and the external readers. */
  public List<EntryView> timeline(String prisonerNumber) {
    Inmate inmate = readableInmate(prisonerNumber);
    return model.checked(reads.ofInmate(inmate.getId()));
  }

  public List<MonthView> monthsOf(String prisonerNumber) {
    Inmate inmate = readableInmate(prisonerNumber);
    return model.withStates(reads.monthsOfInmate(inmate.getId()));
  }

  /** An inmate's closed cycles, for the officers of his section and the external readers. */
  public List<CycleView> cyclesOf(String prisonerNumber) {
    return cycles(readableInmate(prisonerNumber).getId());
  }

  /** The formats an inmate's ledger prints in. */
  public enum DocumentFormat {
    XLSX,
    PDF
  }

  /**
   * An inmate's ledger as a document: read now, as the caller may read it; its bytes written when
   * the answer is streamed.
   */
  public record LedgerDocument(String prisonerNumber, Body body) {

    /** Writes the document. */
    @FunctionalInterface
    public interface Body {
      void writeTo(java.io.OutputStream out) throws java.io.IOException;
    }
  }

  /** The inmate's entries and months as a workbook or a PDF (Chinese font embedded). */
  public LedgerDocument document(String prisonerNumber, DocumentFormat format) {
    var heading = heading(prisonerNumber);
    var entries = timeline(prisonerNumber);
    var months = monthsOf(prisonerNumber);
    return new LedgerDocument(
        heading.prisonerNumber(),
        format == DocumentFormat.XLSX
            ? out -> LedgerDocuments.xlsx(heading, entries, months, out)
            : out -> LedgerDocuments.pdf(heading, entries, months, out));
  }

  /** Who a printed ledger is about and who prints it. */
  private LedgerDocuments.Heading heading(String prisonerNumber) {
    Inmate inmate = readableInmate(prisonerNumber);
    return new LedgerDocuments.Heading(
        inmate.getPrisonerNumber().value(),
        inmate.getName(),
        caller.name(),
        time.now(),
        time.zone());
  }

  /** The inmate's own entries: every approved entry and correction about him. */
  @RolesAllowed(Role.INMATE_NAME)
  public List<EntryView> myEntries() {
    Inmate me = scope.ownInmate();
    return model.checked(reads.approvedOfInmate(me.getId()));
  }

  /** The inmate's published and locked months. */
  @RolesAllowed(Role.INMATE_NAME)
  public List<MonthView> myMonths() {
    Inmate me = scope.ownInmate();
    return model.withStates(reads.monthsOfInmate(me.getId())).stream()
        .filter(m -> CloseState.shownToInmate(m.state()))
        .toList();
  }

  /** The inmate's own cycle history. */
  @RolesAllowed(Role.INMATE_NAME)
  public List<CycleView> myCycles() {
    return cycles(scope.ownInmate().getId());
  }

  private List<CycleView> cycles(long inmateId) {
    List<CycleView> rows = reads.cyclesOf(inmateId);
    // issue 16: a commendation a granted case cited is shown as used, with that case's number
    Map<Long, String> used = cases.usedByGrantedCases(inmateId);
    return new ArrayList<>(rows.stream().map(c -> c.withUsedBy(used.get(c.id()))).toList());
  }

  private Inmate readableInmate(String prisonerNumber) {
    if (caller.has(Role.OFFICER) || caller.has(Role.REVIEWER)) {
      return scope.inmateInMySections(prisonerNumber);
    }
    return scope.inmate(prisonerNumber).orElseThrow(() -> Refusal.notFound("error.unknownInmate"));
  }
}
