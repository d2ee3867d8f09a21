package cn.xinsheng.readiness.application;

import java.time.LocalDate;
import java.util.List;

/**
 * The port for the handover (issue 20, deliverable 5): the folk-music grading certificates a person
 * earned. The music context answers it from its published certificates ({@code
 * music.infrastructure.exam.ExamCertificates}, issue 19).
 */
public interface MusicCertificates {

  /** One certificate: the instrument, the level passed, the day, and its number. */
  record Certificate(
      String instrumentZh, String instrumentEn, String level, LocalDate on, String number) {}

  List<Certificate> of(long inmateId);
}
