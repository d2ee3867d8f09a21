package cn.xinsheng.sentence.application;

import cn.xinsheng.platform.Refusal;
import cn.xinsheng.sentence.domain.EligibilityEngine;
import cn.xinsheng.sentence.domain.Evaluation;
import cn.xinsheng.sentence.domain.Performance;
import cn.xinsheng.sentence.domain.SentenceFactException;
import cn.xinsheng.sentence.domain.SentenceKind;
import cn.xinsheng.sentence.domain.SentenceRecord;
import cn.xinsheng.sentence.infrastructure.SentenceStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The law at a case's proposal and ruling (issue 16): the proposal's kind of performance, the
 * lawful maximum that follows from it, the minimum actually served, and what a granted ruling does
 * to the sentence. Refusals name the article.
 */
@ApplicationScoped
public class CaseLaw {

  /** What a proposal may ask and rests on. */
  public record Lawful(Performance performance, Performance derived, int limitMonths) {}

  @Inject SentenceStore sentences;

  private static final EligibilityEngine ENGINE = EligibilityEngine.standard();

  private SentenceStore.Loaded loaded(long inmateId, long sectionId) {
    SentenceStore.Loaded l =
        sentences
            .record(inmateId, sectionId)
            .orElseThrow(() -> Refusal.notFound("error.unknownInmate"));
    if (l.error() != null) {
      throw Refusal.conflict("case.error.sentenceFacts", l.error().field());
    }
    return l;
  }

  /**
   * The performance a proposal rests on: the ledger's, or another with a reason (第六条第二款: the
   * maximum follows it).
   */
  public Performance choose(long inmateId, long sectionId, String requested, String reason) {
    Performance derived = loaded(inmateId, sectionId).derived();
    if (requested == null || requested.isBlank()) {
      return derived;
    }
    Performance p;
    try {
      p = Performance.valueOf(requested.strip());
    } catch (IllegalArgumentException e) {
      throw Refusal.invalid(
          "case.error.performance",
          Arrays.stream(Performance.values()).map(Enum::name).collect(Collectors.joining(" ")));
    }
    if (p != derived && (reason == null || reason.isBlank())) {
      throw Refusal.invalid("case.error.performanceReason", derived.name());
    }
    return p;
  }

  public Performance derived(long inmateId, long sectionId) {
    return loaded(inmateId, sectionId).derived();
  }

  /**
   * Checks a reduction's amount (or a life term's commuted term) on a day against the law and
   * answers the limit the case keeps: the maximum of a fixed term, or the longest commuted term.
   */
  public int check(long inmateId, long sectionId, Performance p, Integer months, LocalDate day) {
    SentenceRecord record = loaded(inmateId, sectionId).record();
    Evaluation.Reduction r;
    try {
      r = ENGINE.evaluate(record, p, day).reduction();
    } catch (SentenceFactException e) {
      throw Refusal.conflict("case.error.sentenceFacts", e.field());
    }
    if (!r.eligible()) {
      throw Refusal.conflict("case.error.notLawful", r.limitArticle());
    }
    if (r.maxMonths() != null) {
      if (months == null || months < 1 || months > r.maxMonths()) {
        throw Refusal.invalid("case.error.aboveLawful", r.maxMonths(), r.limitArticle());
      }
      return r.maxMonths();
    }
    if (months == null || months < r.commuteToMinMonths() || months > r.commuteToMaxMonths()) {
      throw Refusal.invalid(
          "case.error.commuteRange",
          r.commuteToMinMonths(),
          r.commuteToMaxMonths(),
          r.limitArticle());
    }
    return r.commuteToMaxMonths();
  }

  /** Whether a granted reduction commutes a life term (its months are then the new term). */
  public boolean commutes(long inmateId, long sectionId) {
    SentenceRecord r = loaded(inmateId, sectionId).record();
    return r.kind() != SentenceKind.FIXED
        && r.changes().stream()
            .noneMatch(
                c -> c.kind() == cn.xinsheng.sentence.domain.ChangeKind.COMMUTATION_TO_FIXED);
  }

  public void recordPerformance(
      long caseId, Performance p, Performance derived, String reason, String by) {
    sentences.recordPerformance(
        caseId, p, derived, reason == null || reason.isBlank() ? null : reason.strip(), by);
  }

  public Performance performanceOf(long caseId, long inmateId, long sectionId) {
    return sentences.performanceOf(caseId).orElseGet(() -> derived(inmateId, sectionId));
  }

  /** The commutation's {@code sentence_change} row; returns its id (the audit log binds it). */
  public long recordCommutation(
      long inmateId, long caseId, LocalDate ruledOn, int toMonths, String by) {
    return sentences.recordCommutation(inmateId, caseId, ruledOn, toMonths, by);
  }

  /** Commendations a granted case already cited. */
  public java.util.Set<Long> usedCommendations(long inmateId) {
    return sentences.usedCommendations(inmateId);
  }
}
