package cn.xinsheng.readiness.infrastructure;

import cn.xinsheng.readiness.domain.FactorValues;
import cn.xinsheng.readiness.domain.LabelledCase;
import cn.xinsheng.readiness.domain.ReadinessRefusal;
import cn.xinsheng.readiness.domain.RiskFactor;
import cn.xinsheng.readiness.domain.RiskInstrument;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Past releases with their outcomes, as CSV (UTF-8, comma-separated, no quoting needed since every
 * cell is a code): a header naming every factor of the instrument and {@code reoffended}, then one
 * line per person with the value codes and {@code 0} or {@code 1}. Every line is checked before any
 * is used; the first bad one is refused with its line and column.
 */
public final class LabelledCsv {

  public static final String OUTCOME = "reoffended";

  /** More lines than any prison's release history; a file beyond it is refused, not cut. */
  public static final int MAX_LINES = 200_000;

  private LabelledCsv() {}

  public static List<LabelledCase> read(BufferedReader in, RiskInstrument instrument)
      throws IOException {
    String header = in.readLine();
    if (header == null) {
      throw new ReadinessRefusal("risk.error.csvEmpty", "line 1");
    }
    if (header.startsWith("\uFEFF")) {
      header = header.substring(1);
    }
    String[] columns = header.split(",", -1);
    Set<String> factorCodes = new HashSet<>();
    for (RiskFactor f : instrument.factors()) {
      factorCodes.add(f.code());
    }
    Set<String> seen = new HashSet<>();
    int outcome = -1;
    for (int c = 0; c < columns.length; c++) {
      String name = columns[c].strip();
      columns[c] = name;
      if (!seen.add(name)) {
        throw new ReadinessRefusal("risk.error.csvColumnTwice", "line 1 column " + name);
      }
      if (name.equals(OUTCOME)) {
        outcome = c;
      } else if (!factorCodes.contains(name)) {
        throw new ReadinessRefusal("risk.error.csvColumnUnknown", "line 1 column " + name);
      }
    }
    if (outcome < 0) {
      throw new ReadinessRefusal("risk.error.csvColumnMissing", "line 1 column " + OUTCOME);
    }
    for (String code : factorCodes) {
      if (!seen.contains(code)) {
        throw new ReadinessRefusal("risk.error.csvColumnMissing", "line 1 column " + code);
      }
    }
    List<LabelledCase> cases = new ArrayList<>();
    String line;
    int number = 1;
    while ((line = in.readLine()) != null) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      if (number > MAX_LINES) {
        throw new ReadinessRefusal("risk.error.csvTooLong", "line " + number);
      }
      String[] cells = line.split(",", -1);
      if (cells.length != columns.length) {
        throw new ReadinessRefusal("risk.error.csvCells", "line " + number);
      }
      Map<String, String> values = new HashMap<>();
      for (int c = 0; c < cells.length; c++) {
        if (c != outcome) {
          values.put(columns[c], cells[c].strip());
        }
      }
      String o = cells[outcome].strip();
      if (!o.equals("0") && !o.equals("1")) {
        throw new ReadinessRefusal(
            "risk.error.csvOutcome", "line " + number + " column " + OUTCOME);
      }
      FactorValues fv = new FactorValues(values);
      try {
        instrument.score(fv); // every value known to its factor
      } catch (ReadinessRefusal e) {
        throw new ReadinessRefusal(e.key(), "line " + number + " column " + e.subject());
      }
      cases.add(new LabelledCase(fv, o.equals("1")));
    }
    if (cases.isEmpty()) {
      throw new ReadinessRefusal("risk.error.csvEmpty", "line 2");
    }
    return cases;
  }
}
