package cn.xinsheng.audit.export;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.audit.MerkleTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The drill: each kind of change (changed, missing, inserted, reordered, truncated) made at the
 * start, the middle and the end of a whole-log export, one inmate's export and a case package, and
 * each named by the verifier as the kind it is, at the entry where it is. A changed line has its
 * stored hash recomputed, as a forger would.
 */
class TamperDrillTest {

  static final String INMATE = "3301000001";

  @TempDir Path dir;

  enum Export {
    WHOLE,
    INMATE,
    CASE
  }

  enum Kind {
    CHANGED,
    MISSING,
    INSERTED,
    REORDERED,
    TRUNCATED
  }

  enum Where {
    START,
    MIDDLE,
    END
  }

  static Stream<Arguments> drill() {
    List<Arguments> out = new ArrayList<>();
    for (Export e : Export.values()) {
      for (Kind k : Kind.values()) {
        for (Where w : Where.values()) {
          out.add(Arguments.of(e, k, w));
        }
      }
    }
    return out.stream();
  }

  /** A log of two inmates' ledgers, reads, a witness, in batches as the sequencer signs them. */
  static TestLog log() {
    TestLog log = new TestLog();
    log.registerWitness();
    long id = 1;
    for (int round = 0; round < 4; round++) {
      log.write(log.pointEntry(id++, INMATE, "劳动任务完成 " + round));
      log.write(log.pointEntry(id++, "3301000002", "学习考试合格 " + round));
      log.write(TestLog.event("read", "/api/v1/cases", Map.of("method", "GET"), round));
      if (round % 2 == 1) {
        log.sequence();
      }
      log.append(log.pointEntry(id++, INMATE, "遵守监规 " + round));
      if (round == 1) {
        log.cosign();
      }
    }
    return log;
  }

  private Path export(TestLog log, Export e) throws IOException {
    return switch (e) {
      case WHOLE -> log.whole(dir.resolve("whole.zip"));
      case INMATE -> log.inmate(dir.resolve("inmate.zip"), INMATE);
      case CASE ->
          log.inmate(
              dir.resolve("case.zip"),
              INMATE,
              new TestLog.CaseFiles() {
                @Override
                public Map<String, Object> fields(String subject) {
                  Map<String, Object> row =
                      log.database.get(subject.replace("point-entry/", "point_entry/"));
                  Map<String, Object> f = new LinkedHashMap<>();
                  f.put("fact", row.get("fact"));
                  return f;
                }

                @Override
                public Map<String, byte[]> files() {
                  return Map.of("case/JX-2026-0001.pdf", pdf);
                }
              });
    };
  }

  private static final byte[] pdf = "%PDF-1.4 the proposal".getBytes(StandardCharsets.UTF_8);

  @ParameterizedTest(name = "{0} export, {1} at the {2}")
  @MethodSource("drill")
  void eachChangeIsNamedAsWhatItIsWhereItIs(Export export, Kind kind, Where where)
      throws Exception {
    TestLog log = log();
    Path file = export(log, export);
    Path key = dir.resolve("prison.pub");
    java.nio.file.Files.writeString(key, log.prison.verifierKey() + "\n");
    ExportVerifier.Report sound =
        ExportVerifier.verify(file, Trust.read(List.of(key.toString())), 1);
    assertTrue(sound.verified(), export + " untouched: " + sound.failures());

    Map<String, byte[]> zip = TestLog.unzip(file);
    List<String> lines =
        new ArrayList<>(
            List.of(new String(zip.get("leaves.txt"), StandardCharsets.UTF_8).split("\n")));
    int m = lines.size();
    Function<Integer, Long> id = i -> Long.parseLong(lines.get(i).split("\t", 2)[0]);
    int at =
        switch (where) {
          case START -> 0;
          case MIDDLE -> m / 2;
          case END ->
              switch (kind) {
                case MISSING, REORDERED -> m - 2;
                case TRUNCATED -> m - 2;
                default -> m - 1;
              };
        };
    String expect;
    List<String> changed = new ArrayList<>(lines);
    switch (kind) {
      case CHANGED -> {
        changed.set(at, forged(lines.get(at)));
        expect = "entry " + id.apply(at) + " changed";
      }
      case MISSING -> {
        changed.remove(at);
        expect = "entry " + id.apply(at) + " missing";
      }
      case INSERTED -> {
        changed.add(where == Where.END ? at + 1 : at, forged(lines.get(at)));
        expect = "entry " + id.apply(at) + " inserted";
      }
      case REORDERED -> {
        changed.set(at, lines.get(at + 1));
        changed.set(at + 1, lines.get(at));
        expect = "entry " + id.apply(at) + " reordered";
      }
      default -> {
        // cut after the line at: everything after it is gone
        int keep = where == Where.START ? 1 : at + 1;
        changed = new ArrayList<>(lines.subList(0, keep));
        long lastKept = id.apply(keep - 1);
        expect =
            export == Export.WHOLE
                ? (keep == m - 1 ? "entry " : "entries ") + (lastKept + 1)
                : "entries after " + lastKept + " truncated";
      }
    }
    zip.put("leaves.txt", (String.join("\n", changed) + "\n").getBytes(StandardCharsets.UTF_8));
    Path tampered = TestLog.zip(dir.resolve("tampered.zip"), zip);
    ExportVerifier.Report r =
        ExportVerifier.verify(tampered, Trust.read(List.of(key.toString())), 0);
    assertFalse(r.verified(), export + " " + kind + " " + where);
    String first = r.failure().get();
    assertTrue(first.contains(expect), "expected «" + expect + "» first, got: " + r.failures());
    assertTrue(first.contains(kind.name().toLowerCase(java.util.Locale.ROOT)), first);
  }

  /** A line whose entry says something else, with its stored hash recomputed. */
  static String forged(String line) {
    String[] cols = line.split("\t", 4);
    String json = cols[3].replace("\"officer1\"", "\"officer9\"");
    assertFalse(json.equals(cols[3]), "the line has an actor to change");
    cols[1] = MerkleTree.hex(MerkleTree.leafHash(json.getBytes(StandardCharsets.UTF_8)));
    cols[3] = json;
    return String.join("\t", cols);
  }
}
