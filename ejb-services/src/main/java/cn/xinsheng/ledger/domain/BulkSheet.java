package cn.xinsheng.ledger.domain;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * A section's bulk entries (e.g. a month's labour scores) read from a spreadsheet: CSV (UTF-8 or
 * GB18030) or XLSX, first row the headers 罪犯编号 / 条款 / 分值 / 事实 / 日期 (or prisonerNumber, clause,
 * amount, fact, date). XLSX is checked as an archive first (entry count, total size, compression
 * ratio) and its XML is read without DTDs or external entities.
 */
public final class BulkSheet {

  /** One data row as read, before any rule is applied. */
  public record Line(
      int row, String prisonerNumber, String clause, String amount, String fact, String date) {

    /** The event date, or null when it is not yyyy-MM-dd. */
    public LocalDate day() {
      try {
        return LocalDate.parse(date.strip());
      } catch (DateTimeParseException | NullPointerException e) {
        return null;
      }
    }
  }

  /** The file cannot be read as a sheet: a message key. */
  public static final class Unreadable extends Exception {
    private static final long serialVersionUID = 1L;
    private final String key;

    public Unreadable(String key) {
      super(key);
      this.key = key;
    }

    public String key() {
      return key;
    }
  }

  /**
   * The content is neither an XLSX workbook nor a CSV table (a PDF, a photo, a Word file, a letter
   * saved as text), whatever its name says: told as such, not as a format or header problem.
   */
  public static final String NOT_A_SHEET = "bulk.error.notSheet";

  public static final int MAX_ROWS = 10_000;
  private static final long MAX_UNZIPPED = 50L << 20;
  private static final int MAX_RATIO = 100;
  private static final int MAX_ENTRIES = 1_000;

  private static final Map<String, String> HEADERS = new HashMap<>();

  static {
    for (String[] h :
        new String[][] {
          {"罪犯编号", "prisonernumber"},
          {"条款", "clause"},
          {"分值", "amount"},
          {"事实", "fact"},
          {"日期", "date"}
        }) {
      HEADERS.put(h[0], h[1]);
      HEADERS.put(h[1], h[1]);
    }
  }

  private BulkSheet() {}

  public static List<Line> read(byte[] content) throws Unreadable {
    if (content.length == 0) {
      throw new Unreadable("bulk.error.empty");
    }
    boolean zip = content.length > 4 && content[0] == 'P' && content[1] == 'K';
    List<List<String>> rows = zip ? xlsx(content) : csv(content);
    if (rows.isEmpty()) {
      throw new Unreadable("bulk.error.empty");
    }
    Map<String, Integer> columns = new HashMap<>();
    List<String> header = rows.get(0);
    for (int i = 0; i < header.size(); i++) {
      String name =
          HEADERS.get(header.get(i).strip().replace("\uFEFF", "").toLowerCase(Locale.ROOT));
      if (name == null) {
        name = HEADERS.get(header.get(i).strip().replace("\uFEFF", ""));
      }
      if (name != null) {
        columns.put(name, i);
      }
    }
    if (columns.size() != 5) {
      // text with no table in it (no column separator, no header we know) is not a sheet at all:
      // saying "the headers must be ..." sent the officer looking for headers in a letter
      if (!zip && columns.isEmpty() && header.size() < 2) {
        throw new Unreadable(NOT_A_SHEET);
      }
      throw new Unreadable("bulk.error.headers");
    }
    if (rows.size() - 1 > MAX_ROWS) {
      throw new Unreadable("bulk.error.tooManyRows");
    }
    List<Line> out = new ArrayList<>();
    for (int r = 1; r < rows.size(); r++) {
      List<String> row = rows.get(r);
      if (row.stream().allMatch(String::isBlank)) {
        continue;
      }
      out.add(
          new Line(
              r + 1,
              cell(row, columns.get("prisonernumber")),
              cell(row, columns.get("clause")),
              cell(row, columns.get("amount")),
              cell(row, columns.get("fact")),
              cell(row, columns.get("date"))));
    }
    if (out.isEmpty()) {
      throw new Unreadable("bulk.error.empty");
    }
    return out;
  }

  private static String cell(List<String> row, int i) {
    return i < row.size() ? row.get(i).strip() : "";
  }

  private static List<List<String>> csv(byte[] content) throws Unreadable {
    String text = decode(content, StandardCharsets.UTF_8);
    if (text == null) {
      text = decode(content, Charset.forName("GB18030"));
    }
    if (text == null || text.indexOf('\u0000') >= 0) {
      throw new Unreadable(NOT_A_SHEET);
    }
    List<List<String>> rows = new ArrayList<>();
    for (String line : text.split("\r?\n")) {
      rows.add(splitCsv(line));
    }
    return rows;
  }

  /** One CSV line: commas, with double quotes around fields that hold commas or quotes. */
  static List<String> splitCsv(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cur.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }

  private static List<List<String>> xlsx(byte[] content) throws Unreadable {
    if (!checkArchive(content)) {
      // a zip, but no workbook inside: a Word file, an ODF document, an archive of photos
      throw new Unreadable(NOT_A_SHEET);
    }
    List<List<String>> rows = new ArrayList<>();
    try (InputStream in = new ByteArrayInputStream(content);
        ReadableWorkbook wb = new ReadableWorkbook(in)) {
      Sheet sheet = wb.getFirstSheet();
      for (Row row : sheet.read()) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < row.getCellCount(); i++) {
          cells.add(row.getCellAsString(i).orElse(""));
        }
        rows.add(cells);
        if (rows.size() > MAX_ROWS + 1) {
          throw new Unreadable("bulk.error.tooManyRows");
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new Unreadable("bulk.error.format");
    }
    return rows;
  }

  /**
   * A zip bomb or an odd archive is refused before any XML is read: every entry is inflated and
   * counted, against a total and a compression ratio, and no entry may name a path outside.
   */
  private static boolean checkArchive(byte[] content) throws Unreadable {
    java.nio.file.Path tmp = null;
    boolean workbook = false;
    try {
      tmp = java.nio.file.Files.createTempFile("xinsheng-bulk-", ".xlsx");
      java.nio.file.Files.write(tmp, content);
      long total = 0;
      int entries = 0;
      byte[] buf = new byte[1 << 16];
      try (ZipFile zip = new ZipFile(tmp.toFile())) {
        java.util.Enumeration<? extends ZipEntry> all = zip.entries();
        while (all.hasMoreElements()) {
          ZipEntry e = all.nextElement();
          workbook |= e.getName().equals("xl/workbook.xml");
          if (++entries > MAX_ENTRIES
              || e.getName().contains("..")
              || e.getName().startsWith("/")) {
            throw new Unreadable("bulk.error.archive");
          }
          try (InputStream in = zip.getInputStream(e)) {
            int n;
            while ((n = in.read(buf)) > 0) {
              total += n;
              if (total > MAX_UNZIPPED || total > (long) content.length * MAX_RATIO) {
                throw new Unreadable("bulk.error.archive");
              }
            }
          }
        }
      }
      return workbook;
    } catch (ZipException e) {
      throw new Unreadable("bulk.error.format");
    } catch (IOException e) {
      throw new Unreadable("bulk.error.format");
    } finally {
      if (tmp != null) {
        try {
          java.nio.file.Files.deleteIfExists(tmp);
        } catch (IOException e) {
          // the temporary folder is cleaned by the system
        }
      }
    }
  }

  private static String decode(byte[] bytes, Charset charset) {
    try {
      return charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
