package cn.xinsheng.music.infrastructure.exam;

import cn.xinsheng.music.domain.exam.ExamPanels;
import cn.xinsheng.music.domain.exam.MarkSheet;
import cn.xinsheng.music.domain.exam.RubricItem;
import cn.xinsheng.platform.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The panels, declared conflicts and marks on music_panel_seat, ..._conflict, ..._mark. */
@ApplicationScoped
public class SqlExamPanels implements ExamPanels {

  @Inject ExamStore store;

  @Override
  public long seat(
      long candidateId, int seat, String examiner, String assignedBy, Instant assignedAt) {
    return store.insert(
        "INSERT INTO music_panel_seat (candidate_id, seat, examiner, assigned_by, assigned_at)"
            + " VALUES (?1, ?2, ?3, ?4, ?5)",
        candidateId,
        seat,
        examiner,
        assignedBy,
        assignedAt);
  }

  @Override
  public long declareConflict(String examiner, long inmateId, String note, Instant declaredAt) {
    return store.insert(
        "INSERT INTO music_examiner_conflict (examiner, inmate_id, note, declared_at) VALUES (?1, ?2, ?3, ?4)",
        examiner,
        inmateId,
        note,
        declaredAt);
  }

  @Override
  public boolean declaredConflict(String examiner, long inmateId) {
    return store
        .one(
            "SELECT 1 FROM music_examiner_conflict WHERE examiner = ?1 AND inmate_id = ?2",
            examiner,
            inmateId)
        .isPresent();
  }

  @Override
  public long mark(
      long candidateId, String examiner, RubricItem item, int score, Instant markedAt) {
    return store.insert(
        "INSERT INTO music_exam_mark (candidate_id, examiner, item, score, marked_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        candidateId,
        examiner,
        item.name(),
        score,
        markedAt);
  }

  @Override
  public MarkSheet sheet(long candidateId) {
    List<String> panel =
        store
            .rows(
                "SELECT examiner FROM music_panel_seat WHERE candidate_id = ?1 ORDER BY seat",
                candidateId)
            .stream()
            .map(r -> (String) r[0])
            .toList();
    Map<String, Map<RubricItem, Integer>> marks = new LinkedHashMap<>();
    for (Object[] r :
        store.rows(
            "SELECT examiner, item, score FROM music_exam_mark WHERE candidate_id = ?1 ORDER BY id",
            candidateId)) {
      marks
          .computeIfAbsent((String) r[0], k -> new EnumMap<>(RubricItem.class))
          .put(RubricItem.valueOf((String) r[1]), SqlValues.integer(r[2]));
    }
    return new MarkSheet(panel, marks);
  }
}
