package cn.xinsheng.web.music;

import cn.xinsheng.music.application.exam.ExamService;
import cn.xinsheng.platform.Refusal;
import cn.xinsheng.web.security.CurrentUser;
import cn.xinsheng.web.shell.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * The exam list: the board opens sessions, makes placement decisions and registers candidates; an
 * examiner sees the candidates he sits on the panel of, and nobody else's.
 */
@Named
@ViewScoped
public class ExamsView implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient ExamService exams;
  @Inject CurrentUser currentUser;

  private transient List<ExamService.CandidateView> candidates;
  private transient List<ExamService.SessionView> sessions;
  private transient java.util.Map<String, Integer> queue;

  private LocalDate date;
  private String room;
  private String instrument;
  private String level;
  private Long session;
  private String prisonerNumber;
  private String placeNumber;
  private String placeInstrument;
  private String placeLevel;
  private String reason;

  public boolean isBoard() {
    return currentUser.hasRole("EDU_ADMIN");
  }

  public List<ExamService.CandidateView> getCandidates() {
    if (candidates == null) {
      candidates = exams.myCandidates();
    }
    return candidates;
  }

  public List<ExamService.SessionView> getSessions() {
    if (sessions == null) {
      sessions = isBoard() ? exams.sessions() : List.of();
    }
    return sessions;
  }

  public java.util.Map<String, Integer> getQueue() {
    if (queue == null) {
      queue = exams.queueCounts();
    }
    return queue;
  }

  public List<ExamService.Choice> getInstruments() {
    return exams.instruments();
  }

  public List<ExamService.Choice> getLevels() {
    return exams.levels();
  }

  public void createSession() {
    try {
      exams.createSession(date, room, instrument, level == null ? 0 : Integer.parseInt(level));
      Messages.info("music.exam.session.created");
      sessions = null;
    } catch (Refusal r) {
      Messages.refused(r);
    }
  }

  public void register() {
    try {
      if (session == null) {
        throw Refusal.invalid("music.exam.error.unknownSession");
      }
      exams.register(session, prisonerNumber == null ? "" : prisonerNumber.strip());
      Messages.info("music.exam.registered");
      candidates = null;
      sessions = null;
    } catch (Refusal r) {
      Messages.refused(r);
    }
  }

  public void place() {
    try {
      exams.place(
          placeNumber == null ? "" : placeNumber.strip(),
          placeInstrument,
          placeLevel == null ? 0 : Integer.parseInt(placeLevel),
          reason);
      Messages.info("music.exam.placed");
    } catch (Refusal r) {
      Messages.refused(r);
    }
  }

  /** The candidate's state in words: what waits for whom. */
  public String state(ExamService.CandidateView c) {
    if (c.grade() != null) {
      return Messages.text("music.exam.state.published");
    }
    if (!c.performanceRecorded()) {
      return Messages.text("music.exam.state.noPerformance");
    }
    if (c.panel().size() < 2) {
      return Messages.text("music.exam.state.panel");
    }
    if (c.complete()) {
      return Messages.text("music.exam.state.toPublish");
    }
    return Messages.text(c.thirdNeeded() ? "music.exam.state.third" : "music.exam.state.marking");
  }

  public LocalDate getDate() {
    return date;
  }

  public void setDate(LocalDate date) {
    this.date = date;
  }

  public String getRoom() {
    return room;
  }

  public void setRoom(String room) {
    this.room = room;
  }

  public String getInstrument() {
    return instrument;
  }

  public void setInstrument(String instrument) {
    this.instrument = instrument;
  }

  public String getLevel() {
    return level;
  }

  public void setLevel(String level) {
    this.level = level;
  }

  public Long getSession() {
    return session;
  }

  public void setSession(Long session) {
    this.session = session;
  }

  public String getPrisonerNumber() {
    return prisonerNumber;
  }

  public void setPrisonerNumber(String prisonerNumber) {
    this.prisonerNumber = prisonerNumber;
  }

  public String getPlaceNumber() {
    return placeNumber;
  }

  public void setPlaceNumber(String placeNumber) {
    this.placeNumber = placeNumber;
  }

  public String getPlaceInstrument() {
    return placeInstrument;
  }

  public void setPlaceInstrument(String placeInstrument) {
    this.placeInstrument = placeInstrument;
  }

  public String getPlaceLevel() {
    return placeLevel;
  }

  public void setPlaceLevel(String placeLevel) {
    this.placeLevel = placeLevel;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
