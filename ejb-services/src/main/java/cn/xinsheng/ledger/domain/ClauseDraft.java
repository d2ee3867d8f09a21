package cn.xinsheng.ledger.domain;

import cn.xinsheng.evidence.domain.EvidenceKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** A clause as written for a new catalogue version, before it is stored. */
public record ClauseDraft(
    String code,
    AssessmentPart part,
    Points min,
    Points max,
    Set<EvidenceKind> requiredKinds,
    int minEvidence,
    String text) {

  /**
   * The catalogue's text form, one clause a line, tab-separated: code, part, min, max, required
   * evidence kinds (comma-separated, may be empty), minimum number of evidence, text. Lines
   * starting with # are comments.
   */
  public static List<ClauseDraft> parseTsv(InputStream in) throws IOException {
    List<ClauseDraft> out = new ArrayList<>();
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line;
    int n = 0;
    while ((line = r.readLine()) != null) {
      n++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length != 7) {
        throw new IllegalArgumentException("line " + n + ": 7 tab-separated fields expected");
      }
      Set<EvidenceKind> kinds = EnumSet.noneOf(EvidenceKind.class);
      for (String k : f[4].split(",")) {
        if (!k.isBlank()) {
          kinds.add(EvidenceKind.valueOf(k.strip()));
        }
      }
      out.add(
          new ClauseDraft(
              f[0].strip(),
              AssessmentPart.valueOf(f[1].strip()),
              Points.parse(f[2]),
              Points.parse(f[3]),
              kinds,
              Integer.parseInt(f[5].strip()),
              f[6].strip()));
    }
    return out;
  }
}
