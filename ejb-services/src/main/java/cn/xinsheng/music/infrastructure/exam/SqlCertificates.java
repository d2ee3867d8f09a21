package cn.xinsheng.music.infrastructure.exam;

import static cn.xinsheng.platform.SqlValues.num;

import cn.xinsheng.music.domain.exam.Certificates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;

/** The certificates on music_certificate, by plain SQL. */
@ApplicationScoped
public class SqlCertificates implements Certificates {

  @Inject ExamStore store;

  @Override
  public long insert(long candidateId, String code, String sha256, Instant issuedAt) {
    return store.insert(
        "INSERT INTO music_certificate (candidate_id, code, sha256, issued_at) VALUES (?1, ?2, ?3, ?4)",
        candidateId,
        code,
        sha256,
        issuedAt);
  }

  @Override
  public Optional<Certificate> find(String code) {
    return store
        .one(
            "SELECT c.id, c.candidate_id, c.code, c.sha256, k.inmate_id FROM music_certificate c"
                + " JOIN music_exam_candidate k ON k.id = c.candidate_id WHERE c.code = ?1",
            code)
        .map(r -> new Certificate(num(r[0]), num(r[1]), (String) r[2], (String) r[3], num(r[4])));
  }
}
