package cn.xinsheng.readiness.infrastructure;

import cn.xinsheng.ledger.application.ConductRecords;
import cn.xinsheng.lms.application.LearningRecords;
import cn.xinsheng.organisation.application.InmateDirectory;
import cn.xinsheng.organisation.application.SentenceRecords;
import cn.xinsheng.readiness.application.MusicGrades;
import cn.xinsheng.readiness.application.RiskFactSource;
import cn.xinsheng.readiness.application.ScenarioCatalogue;
import cn.xinsheng.readiness.domain.PlatformFacts;
import cn.xinsheng.sentence.application.RecordedSentences;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.NoResultException;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The platform's facts for a risk assessment, read in the caller's transaction: the inmate's
 * offence category and sentence (organisation's {@code SentenceRecords}), the sentence record in
 * force (the sentence context's {@code RecordedSentences}: 累犯), the approved ledger entries (the
 * ledger's {@code ConductRecords}: points and sanctions), confirmed education credits (learning's
 * {@code LearningRecords}), each through its owner's port; this context's own simulation attempts
 * in SQL; and music through its extension point. Nothing is written.
 */
@ApplicationScoped
public class RiskFactSql implements RiskFactSource {

  @PersistenceContext(unitName = "xinsheng")
  EntityManager em;

  @Inject ScenarioCatalogue catalogue;
  @Inject SentenceRecords terms;
  @Inject InmateDirectory directory;
  @Inject RecordedSentences sentences;
  @Inject ConductRecords ledger;
  @Inject LearningRecords learning;
  @Inject Instance<MusicGrades> music;

  @Override
  public PlatformFacts factsOf(long inmateId, LocalDate today) {
    SentenceRecords.Term term = terms.term(inmateId).orElseThrow(NoResultException::new);
    Optional<Boolean> recidivist = sentences.recidivist(inmateId);
    Long points = null;
    Integer sanctions = null;
    // approved entries only, points over a year and standing sanctions over two; none at all when
    // the ledger holds no entry of his
    Optional<ConductRecords.Conduct> conduct =
        ledger.conductOf(inmateId, today.minusMonths(12), today.minusMonths(24));
    if (conduct.isPresent()) {
      points = conduct.get().pointsTenths();
      sanctions = conduct.get().standingSanctions();
    }
    int credits = learning.creditsOf(inmateId).size();
    int tried =
        (int)
            count(
                "SELECT COUNT(DISTINCT scenario_id) FROM scenario_attempt WHERE inmate_id = ?1",
                inmateId);
    int passed =
        (int)
            count(
                "SELECT COUNT(DISTINCT scenario_id) FROM scenario_attempt WHERE inmate_id = ?1"
                    + " AND passed = TRUE",
                inmateId);
    Boolean graded = null;
    if (music.isResolvable()) {
      Optional<Boolean> g = music.get().passedAGrade(inmateId);
      graded = g.orElse(null);
    }
    return new PlatformFacts(
        term.offenceCategory(),
        term.months(),
        term.life(),
        recidivist.orElse(null),
        points,
        sanctions,
        credits,
        catalogue.all().size(),
        tried,
        passed,
        graded);
  }

  @Override
  public String prisonerNumber(long inmateId) {
    InmateDirectory.Named named = directory.inmates(List.of(inmateId)).get(inmateId);
    if (named == null) {
      throw new NoResultException();
    }
    return named.prisonerNumber();
  }

  private long count(String sql, long inmateId) {
    return ((Number) em.createNativeQuery(sql).setParameter(1, inmateId).getSingleResult())
        .longValue();
  }
}
