package cn.xinsheng.organisation.application;

import cn.xinsheng.organisation.domain.Inmate;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** An inmate as officers see him; dates ISO (yyyy-MM-dd), the offence category by name. */
@JsonbPropertyOrder({
  "prisonerNumber",
  "name",
  "sectionId",
  "section",
  "offenceCategory",
  "sentenceStart",
  "lifeSentence",
  "admissionDate",
  "sentenceMonths",
  "currentSentenceEnd"
})
public record InmateView(
    String prisonerNumber,
    String name,
    long sectionId,
    String section,
    String offenceCategory,
    String sentenceStart,
    boolean lifeSentence,
    String admissionDate,
    Integer sentenceMonths,
    String currentSentenceEnd) {

  static InmateView of(Inmate inmate) {
    return new InmateView(
        inmate.getPrisonerNumber().value(),
        inmate.getName(),
        inmate.getSection().getId(),
        inmate.getSection().getFullName(),
        inmate.getOffenceCategory().name(),
        inmate.getSentence().start().toString(),
        inmate.getSentence().life(),
        inmate.getAdmissionDate().toString(),
        inmate.getSentence().months(),
        inmate.getCurrentSentenceEnd() == null ? null : inmate.getCurrentSentenceEnd().toString());
  }
}
