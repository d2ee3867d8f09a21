package cn.xinsheng.web.music;

import cn.xinsheng.music.application.exam.ExamQueries;
import cn.xinsheng.music.application.exam.ExamScheduling;
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

  @Inject transient ExamScheduling scheduling;
  @Inject transient ExamQueries queries;
  @Inject CurrentUser currentUser;

  private transient List<ExamQueries.CandidateView> candidates;
  private transient List<ExamScheduling.SessionView> sessions;
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

  public List<ExamQueries.CandidateView> getCandidates() {
    if (candidates == null) {
      candidates = queries.myCandidates();
    }
    return candidates;
  }

  public List<ExamScheduling.SessionView> getSessions() {
    if (sessions == null) {
      sessions = isBoard() ? scheduling.sessions() : List.of();
    }
    return sessions;
  }

  public java.util.Map<String, Integer> getQueue() {
    if (queue == null) {
      queue = queries.queueCounts();
    }
    return queue;
  }

  public List<ExamScheduling.Choice> getInstruments() {
    return scheduling.instruments();
  }

  public List<ExamScheduling.Choice> getLevels() {
    return scheduling.levels();
  }

  public void createSession() {
    try {
      scheduling.createSession(date, room, instrument, level == null ? 0 : Integer.parseInt(level));
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
      scheduling.register(session, prisonerNumber == null ? "" : prisonerNumber.strip());
      Messages.info("music.exam.registered");
      candidates = null;
      sessions = null;
    } catch (Refusal r) {
      Messages.refused(r);
    }
  }

  public void place() {
    try {
      scheduling.place(
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
  public String state(ExamQueries.CandidateView c) {
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
