package cn.xinsheng.auditlog.application;

import cn.xinsheng.audit.export.ExportFormat;
import java.util.regex.Pattern;

/**
 * What an audit export holds: the whole log, a range of it, or one inmate's records. The web, the
 * launcher and the exporter speak it alike; its constructors refuse a range or a prisoner number
 * that cannot be, so a caller turns that refusal into its own answer before anything is written.
 */
public sealed interface ExportScope permits ExportScope.All, ExportScope.Range, ExportScope.Inmate {

  /** The scope as the export's manifest and its file name say it. */
  String describe();

  /** The whole log. */
  record All() implements ExportScope {
    @Override
    public String describe() {
      return ExportFormat.SCOPE_ALL;
    }
  }

  /** Entries [start, end). */
  record Range(long start, long end) implements ExportScope {
    public Range {
      if (start < 0 || end <= start) {
        throw new IllegalArgumentException("a range is start < end, both from 0");
      }
    }

    @Override
    public String describe() {
      return "range " + start + "-" + end;
    }
  }

  /**
   * One inmate's entries, up to his head: the {@link cn.xinsheng.audit.Leaf#HEAD_ACTION} entry
   * written for this export, the last leaf of its checkpoint, which is the export's anchor.
   */
  record Inmate(String prisonerNumber, long headIndex) implements ExportScope {
    private static final Pattern NUMBER = Pattern.compile("[0-9A-Za-z]{1,10}");

    public Inmate {
      if (prisonerNumber == null || !NUMBER.matcher(prisonerNumber).matches()) {
        throw new IllegalArgumentException("not a prisoner number: " + prisonerNumber);
      }
    }

    /** The prisoner number checked, before the head is written. */
    public Inmate(String prisonerNumber) {
      this(prisonerNumber, -1);
    }

    public Inmate withHead(long index) {
      return new Inmate(prisonerNumber, index);
    }

    public String subject() {
      return "inmate/" + prisonerNumber;
    }

    @Override
    public String describe() {
      return "inmate " + prisonerNumber;
    }
  }
}
