package cn.xinsheng.music.domain.exam;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A person's published CNOS exam results, as the release-readiness risk assessment reads them
 * (issue 20's MusicGrades port): the highest level passed on each instrument, the most recent
 * result, and whether he passed a grade at all. Only published results are facts: a mark sheet the
 * board has not published, or a session still open, is not one.
 */
public record GradeRecord(List<Result> results) {

  /** One published result: the session's instrument, level and date, and the grade given. */
  public record Result(String instrument, int level, LocalDate examDate, ExamGrade grade) {}

  public GradeRecord {
    results = List.copyOf(results);
  }

  /** Whether at least one published result is a pass (优秀, 良好 or 合格). */
  public boolean passedAGrade() {
    return results.stream().anyMatch(r -> r.grade().passed());
  }

  /** The highest level passed per instrument (instruments without a pass are absent). */
  public Map<String, Integer> highestPassed() {
    Map<String, Integer> out = new TreeMap<>();
    for (Result r : results) {
      if (r.grade().passed()) {
        out.merge(r.instrument(), r.level(), Math::max);
      }
    }
    return out;
  }

  /** The most recent published result (by exam date, then the higher level), if any. */
  public Optional<Result> latest() {
    return results.stream()
        .max(Comparator.comparing(Result::examDate).thenComparingInt(Result::level));
  }
}
