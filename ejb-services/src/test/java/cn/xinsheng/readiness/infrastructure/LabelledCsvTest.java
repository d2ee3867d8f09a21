package cn.xinsheng.readiness.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.readiness.domain.FactorLevel;
import cn.xinsheng.readiness.domain.LabelledCase;
import cn.xinsheng.readiness.domain.ReadinessRefusal;
import cn.xinsheng.readiness.domain.RiskFactor;
import cn.xinsheng.readiness.domain.RiskInstrument;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelledCsvTest {

  private static final RiskInstrument TWO =
      new RiskInstrument(
          "csv/1",
          false,
          "测试",
          "test",
          -1,
          List.of(0.1, 0.2, 0.35, 0.5),
          List.of(factor("AGE", "OLD", "YOUNG"), factor("HOUSING", "SETTLED", "NONE")));

  private static RiskFactor factor(String code, String reference, String other) {
    return new RiskFactor(
        code,
        RiskFactor.Kind.STATIC,
        RiskFactor.Source.OFFICER,
        code,
        code,
        List.of(
            new FactorLevel(reference, 0, "参照", "reference"),
            new FactorLevel(other, 1, "其他", "other")));
  }

  private static List<LabelledCase> read(String csv) throws IOException {
    return LabelledCsv.read(new BufferedReader(new StringReader(csv)), TWO);
  }

  private static ReadinessRefusal refused(String csv) {
    return assertThrows(ReadinessRefusal.class, () -> read(csv));
  }

  @Test
  void columnsInAnyOrderWithABomAndBlankLinesAreRead() throws IOException {
    List<LabelledCase> cases =
        read("\uFEFFreoffended,HOUSING,AGE\n1,NONE,YOUNG\n\n0,SETTLED,OLD\n");
    assertEquals(2, cases.size());
    assertTrue(cases.get(0).reoffended());
    assertEquals("YOUNG", cases.get(0).values().of("AGE"));
    assertEquals("SETTLED", cases.get(1).values().of("HOUSING"));
  }

  @Test
  void theFirstBadLineIsRefusedWithItsLineAndColumnAndNothingIsKept() {
    ReadinessRefusal value = refused("AGE,HOUSING,reoffended\nOLD,NONE,1\nOLD,CAVE,0\n");
    assertEquals("risk.error.factorValue", value.key());
    assertEquals("line 3 column HOUSING", value.subject());
    ReadinessRefusal outcome = refused("AGE,HOUSING,reoffended\nOLD,NONE,yes\n");
    assertEquals("risk.error.csvOutcome", outcome.key());
    assertEquals("line 2 column reoffended", outcome.subject());
    assertEquals("risk.error.csvCells", refused("AGE,HOUSING,reoffended\nOLD,NONE\n").key());
    assertEquals("risk.error.csvColumnMissing", refused("AGE,reoffended\nOLD,1\n").key());
    assertEquals("risk.error.csvColumnMissing", refused("AGE,HOUSING\nOLD,NONE\n").key());
    assertEquals("risk.error.csvColumnUnknown", refused("AGE,HOUSING,SHOE,reoffended\n").key());
    assertEquals("risk.error.csvColumnTwice", refused("AGE,AGE,HOUSING,reoffended\n").key());
    assertEquals("risk.error.csvEmpty", refused("").key());
    assertEquals("risk.error.csvEmpty", refused("AGE,HOUSING,reoffended\n").key());
  }
}
