package cn.xinsheng.music.application;

import cn.xinsheng.auditlog.application.AuditLog;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.music.domain.PracticeLog;
import cn.xinsheng.music.domain.catalogue.MusicCatalogue;
import cn.xinsheng.organisation.application.CallerScope;
import cn.xinsheng.organisation.application.InmateDirectory;
import cn.xinsheng.platform.Caller;
import cn.xinsheng.platform.PrisonTime;
import cn.xinsheng.platform.Refusal;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The practice log: the inmate enters at the terminal what he practised today (instrument, minutes,
 * syllabus items); his teacher reads his cohorts' logs, the education office everyone's. Entries
 * are append-only; the day is the prison's day on the platform clock.
 */
@Stateless
public class PracticeService {

  /** One practice entry. */
  public record PracticeView(
      long id,
      String prisonerNumber,
      String inmateName,
      String instrumentZh,
      String instrumentEn,
      LocalDate day,
      int minutes,
      String items,
      String note,
      Instant enteredAt) {}

  @Inject PracticeLog practiceLog;
  @Inject MusicCatalogue catalogue;
  @Inject MusicAccess access;
  @Inject InmateDirectory directory;
  @Inject CallerScope scope;
  @Inject Caller caller;
  @Inject AuditLog auditLog;
  @Inject PrisonTime time;

  /** The inmate's own entry for today. */
  @RolesAllowed(Role.INMATE_NAME)
  public long log(String instrument, Integer minutes, List<Long> itemIds, String note) {
    long inmateId = scope.ownInmate().getId();
    if (instrument == null || !catalogue.hasInstrument(instrument)) {
      throw Refusal.invalid("music.error.noInstrument");
    }
    if (minutes == null || minutes < 1 || minutes > 600) {
      throw Refusal.invalid("music.error.minutes");
    }
    List<Long> items = itemIds == null ? List.of() : itemIds.stream().distinct().toList();
    if (items.size() > 50) {
      throw Refusal.invalid("music.error.noItem");
    }
    for (Long id : items) {
      if (id == null || !catalogue.hasItem(id)) {
        throw Refusal.invalid("music.error.noItem");
      }
      // an item practised belongs to the instrument practised (an erhu session cannot log a dizi
      // scale)
      if (!catalogue.itemIsFor(id, instrument)) {
        throw Refusal.invalid("music.error.itemOtherInstrument");
      }
    }
    String text = note == null || note.isBlank() ? null : note.strip();
    if (text != null && (text.length() > 500 || text.chars().anyMatch(c -> c < 0x20))) {
      throw Refusal.invalid("music.error.note");
    }
    Instant now = time.now();
    LocalDate day = time.today();
    String list = items.stream().map(String::valueOf).collect(Collectors.joining(","));
    long id =
        practiceLog.insert(inmateId, instrument, day, minutes, list, text, caller.name(), now);
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("practice", id);
    p.put("inmate", scope.ownInmate().getNumber());
    p.put("instrument", instrument);
    p.put("day", day.toString());
    p.put("minutes", (long) minutes);
    p.put("items", list);
    auditLog.record("music.practice.logged", "music-practice/" + id, p, List.of(), now);
    return id;
  }

  /** The inmate's own log, newest first. */
  @RolesAllowed(Role.INMATE_NAME)
  public List<PracticeView> mine() {
    return list();
  }

  /** A teacher's cohorts' logs; the education office's everyone's (newest first, at most 500). */
  @RolesAllowed({Role.TEACHER_NAME, Role.EDU_ADMIN_NAME, Role.INMATE_NAME})
  public List<PracticeView> list() {
    Map<Long, String> titles = catalogue.itemTitles();
    List<PracticeView> out = new ArrayList<>();
    List<PracticeLog.Entry> entries = practiceLog.entries(access.readablePractice());
    // the names from organisation's directory, one call for the whole list
    Map<Long, InmateDirectory.Named> inmates =
        directory.inmates(entries.stream().map(PracticeLog.Entry::inmateId).toList());
    for (PracticeLog.Entry e : entries) {
      InmateDirectory.Named inmate = inmates.get(e.inmateId());
      String items =
          e.items().isBlank()
              ? ""
              : java.util.Arrays.stream(e.items().split(","))
                  .map(s -> titles.getOrDefault(Long.parseLong(s), "?"))
                  .collect(Collectors.joining("、"));
      out.add(
          new PracticeView(
              e.id(),
              inmate.prisonerNumber(),
              inmate.name(),
              e.instrumentZh(),
              e.instrumentEn(),
              e.day(),
              e.minutes(),
              items,
              e.note(),
              e.enteredAt()));
    }
    return out;
  }
}
