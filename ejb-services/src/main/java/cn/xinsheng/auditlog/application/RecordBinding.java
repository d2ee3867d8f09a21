package cn.xinsheng.auditlog.application;

import java.util.List;

/**
 * The port through which a bounded context binds its business records to the audit log: how to read
 * one kind of record (a table) in its canonical form, by id. The log stores the SHA-256 of that
 * form in the entry written with the record ({@link cn.xinsheng.audit.BoundRecord}); the
 * self-check, every export and every screen that reads the record compare the row as it is now with
 * it, and name the table, the row and the field that differ.
 *
 * <p>A context implements it once per table, as a CDI bean ({@code @ApplicationScoped}, no state)
 * in its infrastructure package, and lists the class in {@code
 * META-INF/services/cn.xinsheng.auditlog.application.RecordBinding} so that the launcher's {@code
 * audit export}, which runs without a container, finds it too. It then passes {@code
 * AuditLog.Bind.of(table(), id)} when it records the event that makes the row. The form is read
 * back from the database, in the writing transaction and later alike, so both see the same values
 * (a time at the column's precision, not the Java object's).
 *
 * <p>Rules for a form: only columns whose values never change once written (the record is
 * append-only; a correction is a new row); columns named as the table names them; times through
 * {@link #epochMillis(String)}; the rows of a child table that belong to the record (an entry's
 * evidence) folded into one column.
 */
public interface RecordBinding {

  /** The table, as the binding and the messages name it: {@code point_entry}. */
  String table();

  /**
   * A SELECT of the record's id (first column) and its fields, in the order of {@link #fields()},
   * for the ids that replace {@code {ids}} ({@code WHERE p.id IN ({ids})}).
   */
  String select();

  /** The fields after the id, in the order the SELECT gives them. */
  List<Field> fields();

  /** One field of the canonical form. */
  record Field(String name, Type type) {
    public static Field text(String name) {
      return new Field(name, Type.TEXT);
    }

    public static Field integer(String name) {
      return new Field(name, Type.INTEGER);
    }

    /** A time, selected with {@link RecordBinding#epochMillis(String)}. */
    public static Field instant(String name) {
      return new Field(name, Type.INSTANT);
    }

    public static Field bool(String name) {
      return new Field(name, Type.BOOLEAN);
    }
  }

  /** How a field's value is written in the canonical form. */
  enum Type {
    /** A string, as stored. */
    TEXT,
    /** A whole number. */
    INTEGER,
    /** An ISO-8601 instant in UTC with milliseconds, from epoch milliseconds. */
    INSTANT,
    /** true or false. */
    BOOLEAN
  }

  /**
   * A TIMESTAMP column as epoch milliseconds, read the same in any session time zone: what the
   * SELECT gives for an {@link Type#INSTANT} field.
   */
  static String epochMillis(String column) {
    return "CAST(UNIX_TIMESTAMP(" + column + ") * 1000 AS SIGNED)";
  }
}
