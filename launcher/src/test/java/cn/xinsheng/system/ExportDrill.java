package cn.xinsheng.system;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.audit.MerkleTree;
import cn.xinsheng.audit.NoteKey;
import cn.xinsheng.audit.export.ExportVerifier;
import cn.xinsheng.audit.export.Trust;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The drill on an export the platform wrote: each kind of change (changed with its hash recomputed,
 * missing, inserted, reordered, truncated) made at the start, the middle and the end of its leaves,
 * each verified in this process and named as the kind it is at the entry where it is.
 */
final class ExportDrill {

  private ExportDrill() {}

  /** Runs the fifteen changes; {@code whole} for a whole-log export, else an extract. */
  static void run(Path zip, NoteKey key, boolean whole, Path work) throws Exception {
    Trust trust = Trust.ofLogKey(key);
    ExportVerifier.Report sound = ExportVerifier.verify(zip, trust, 0);
    assertTrue(sound.verified(), zip + " untouched: " + sound.failures());
    Map<String, byte[]> entries = unzip(zip);
    List<String> lines =
        List.of(new String(entries.get("leaves.txt"), StandardCharsets.UTF_8).split("\n"));
    int m = lines.size();
    assertTrue(m >= 4, "at least four entries to drill: " + m);
    for (String kind : List.of("changed", "missing", "inserted", "reordered", "truncated")) {
      for (String where : List.of("start", "middle", "end")) {
        int at =
            switch (where) {
              case "start" -> 0;
              case "middle" -> m / 2;
              default -> kind.equals("changed") || kind.equals("inserted") ? m - 1 : m - 2;
            };
        List<String> changed = new ArrayList<>(lines);
        String expect;
        long id = id(lines.get(at));
        switch (kind) {
          case "changed" -> {
            changed.set(at, forged(lines.get(at)));
            expect = "entry " + id + " changed";
          }
          case "missing" -> {
            changed.remove(at);
            expect = "entry " + id + " missing";
          }
          case "inserted" -> {
            changed.add(where.equals("end") ? at + 1 : at, forged(lines.get(at)));
            expect = "entry " + id + " inserted";
          }
          case "reordered" -> {
            changed.set(at, lines.get(at + 1));
            changed.set(at + 1, lines.get(at));
            expect = "entry " + id + " reordered";
          }
          default -> {
            int keep = where.equals("start") ? 1 : at + 1;
            changed = new ArrayList<>(lines.subList(0, keep));
            long last = id(lines.get(keep - 1));
            expect =
                whole
                    ? (keep == m - 1 ? "entry " : "entries ") + (last + 1)
                    : "entries after " + last + " truncated";
          }
        }
        Map<String, byte[]> copy = new LinkedHashMap<>(entries);
        copy.put(
            "leaves.txt", (String.join("\n", changed) + "\n").getBytes(StandardCharsets.UTF_8));
        Path tampered = zip(work.resolve("drill-" + kind + "-" + where + ".zip"), copy);
        ExportVerifier.Report r = ExportVerifier.verify(tampered, trust, 0);
        String label = zip.getFileName() + ": " + kind + " at the " + where;
        assertFalse(r.verified(), label);
        String first = r.failure().orElseThrow();
        assertTrue(
            first.contains(expect) && first.contains(kind.toLowerCase(Locale.ROOT)),
            label + ": expected «" + expect + "» first, got " + r.failures());
      }
    }
  }

  private static long id(String line) {
    return Long.parseLong(line.substring(0, line.indexOf('\t')));
  }

  /** The line with another actor in its entry and its stored hash recomputed, as a forger would. */
  static String forged(String line) {
    String[] cols = line.split("\t", 4);
    String json = cols[3].replace("\"actor\":\"", "\"actor\":\"x");
    assertFalse(json.equals(cols[3]), "an entry has an actor");
    cols[1] = MerkleTree.hex(MerkleTree.leafHash(json.getBytes(StandardCharsets.UTF_8)));
    cols[3] = json;
    return String.join("\t", cols);
  }

  static Map<String, byte[]> unzip(Path zip) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        entries.put(e.getName(), in.readAllBytes());
      }
    }
    return entries;
  }

  static Path zip(Path out, Map<String, byte[]> entries) throws IOException {
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(out))) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        z.putNextEntry(new ZipEntry(e.getKey()));
        z.write(e.getValue());
        z.closeEntry();
      }
    }
    return out;
  }
}
