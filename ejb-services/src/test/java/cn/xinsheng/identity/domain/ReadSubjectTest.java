package cn.xinsheng.identity.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 14, finding 7: what the read log says was read. */
class ReadSubjectTest {

  @Test
  void theCasePageNamesItsCase() {
    ReadSubject s = ReadSubject.of("/cases/case.xhtml", "id=8");
    assertEquals(8L, s.caseId());
    assertEquals("case/8", s.name().orElseThrow());
    assertEquals(Map.of("method", "GET", "case", 8L, "query", "id=8"), s.payload("GET"));
  }

  @Test
  void theLedgerPageAndTheExportNameTheirInmate() {
    assertEquals(
        "inmate/3301000001",
        ReadSubject.of("/ledger/inmate.xhtml", "no=3301000001").name().orElseThrow());
    ReadSubject export = ReadSubject.of("/api/v1/audit/export", "inmate=3301000002");
    assertEquals("3301000002", export.inmate());
    assertEquals("3301000002", export.payload("GET").get("inmate"));
  }

  @Test
  void apiPathsNameTheirSubject() {
    assertEquals(12L, ReadSubject.of("/api/v1/cases/12/file", null).caseId());
    assertEquals(
        "3301000003", ReadSubject.of("/api/v1/ledger/inmates/3301000003/entries", null).inmate());
  }

  @Test
  void nothingNamedIsNothingClaimedButTheQueryIsKept() {
    ReadSubject s = ReadSubject.of("/api/v1/audit/leaves", "start=0&end=10");
    assertFalse(s.name().isPresent());
    assertEquals("start=0&end=10", s.query());
    assertNull(ReadSubject.of("/cases/case.xhtml", "id=<script>").caseId());
    assertEquals(500, ReadSubject.of("/x", "a=" + "b".repeat(900)).query().length());
  }
}
