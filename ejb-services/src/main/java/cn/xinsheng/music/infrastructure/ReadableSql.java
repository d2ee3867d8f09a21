package cn.xinsheng.music.infrastructure;

import cn.xinsheng.music.domain.MusicReaders;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A reader's scope as a SQL condition on ids only, so nothing a caller passes becomes SQL: the
 * inmates the scope names, those its sections hold now, and (for takes) the exam takes named.
 */
final class ReadableSql {

  private ReadableSql() {}

  /**
   * The condition on the inmate column ({@code inmateColumn}) and, when {@code take} is the takes'
   * alias (with {@code id} and {@code purpose}), on the exam takes; {@code "1 = 1"} for everything,
   * {@code "(1 = 0)"} for nothing.
   */
  static String condition(MusicReaders.Readable r, String inmateColumn, String take) {
    MusicReaders.Scope s = r.scope();
    if (s.everything()) {
      return "1 = 1";
    }
    StringBuilder any = new StringBuilder("(1 = 0");
    if (!s.inmates().isEmpty()) {
      any.append(" OR ").append(inmateColumn).append(" IN (").append(ids(s.inmates())).append(")");
    }
    if (!r.inSections().isEmpty()) {
      any.append(" OR ")
          .append(inmateColumn)
          .append(" IN (")
          .append(ids(r.inSections()))
          .append(")");
    }
    if (take != null && !s.examTakes().isEmpty()) {
      any.append(" OR (")
          .append(take)
          .append(".purpose = 'EXAM' AND ")
          .append(take)
          .append(".id IN (")
          .append(ids(s.examTakes()))
          .append("))");
    }
    return any.append(")").toString();
  }

  private static String ids(Set<Long> ids) {
    return ids.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
  }
}
