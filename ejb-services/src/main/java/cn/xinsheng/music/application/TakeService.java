package cn.xinsheng.music.application;

import cn.xinsheng.auditlog.application.AuditLog;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.music.domain.MusicRefusal;
import cn.xinsheng.music.domain.Takes;
import cn.xinsheng.music.domain.audio.AudioDecoding;
import cn.xinsheng.music.domain.audio.AudioKind;
import cn.xinsheng.music.domain.audio.PcmAudio;
import cn.xinsheng.music.domain.catalogue.MusicCatalogue;
import cn.xinsheng.music.infrastructure.Ffmpeg;
import cn.xinsheng.music.infrastructure.TakeFiles;
import cn.xinsheng.organisation.application.CallerScope;
import cn.xinsheng.organisation.application.InmateDirectory;
import cn.xinsheng.platform.Caller;
import cn.xinsheng.platform.PrisonTime;
import cn.xinsheng.platform.Refusal;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Practice and exam takes: recorded at the terminal by the inmate, uploaded by his teacher or an
 * officer of his section, or handed over by another context (music-exams) through {@link
 * #recordFor}. A take is decoded before anything is kept — an unsupported, corrupt, empty or
 * oversized file is refused with the reason and leaves nothing — then stored by its SHA-256,
 * recorded with an audit leaf carrying that hash, and queued for analysis (a background job, {@link
 * TakeAnalysisJob}). Feedback is the teacher's, append-only: a correction is a new row that names
 * the one it corrects.
 */
@Stateless
@RolesAllowed({
  Role.INMATE_NAME,
  Role.TEACHER_NAME,
  Role.EXAMINER_NAME,
  Role.EDU_ADMIN_NAME,
  Role.OFFICER_NAME
})
public class TakeService {

  /** Why a take was made: practice, or an exam performance (music-exams). */
  public enum Purpose {
    PRACTICE,
    EXAM
  }

  /** A take as its page and lists show it, with its analysis job's state. */
  public record TakeView(
      long id,
      long inmateId,
      String prisonerNumber,
      String inmateName,
      String instrument,
      String instrumentZh,
      String instrumentEn,
      Long itemId,
      String itemTitle,
      String purpose,
      String source,
      String sha256,
      String mediaType,
      String formatLabel,
      long size,
      double durationSeconds,
      String recordedBy,
      Instant recordedAt,
      String state,
      int progress,
      String failureZh,
      String failureEn) {

    public boolean done() {
      return "DONE".equals(state);
    }
  }

  /** One piece of feedback; {@code corrects} names the earlier one it corrects. */
  public record FeedbackView(
      long id, String text, Long corrects, String writtenBy, Instant writtenAt) {}

  /** A take's recording, for the audio element (served with range support). */
  public record Recording(Path file, String mediaType, long size, String sha256) {}

  @Inject Takes takes;
  @Inject MusicCatalogue catalogue;
  @Inject MusicSettings settings;
  @Inject MusicAccess access;
  @Inject InmateDirectory inmates;
  @Inject CallerScope scope;
  @Inject Caller caller;
  @Inject AuditLog auditLog;
  @Inject PrisonTime time;
  @Inject Event<TakeQueued> queued;
  @Inject cn.xinsheng.identity.application.AccountDirectory directory;

  /** The inmate's own take, recorded at the terminal. */
  @RolesAllowed(Role.INMATE_NAME)
  public TakeView recordMine(InputStream content, Long itemId, String instrument) {
    long inmateId = scope.ownInmate().getId();
    return view(store(inmateId, read(content), itemId, instrument, Purpose.PRACTICE, "TERMINAL"));
  }

  /**
   * The inmates the caller may upload a take for, whose number or name contains what was typed
   * (issue 18, item 5: the upload form picks an inmate by name or number): a teacher's learners and
   * an officer's sections' inmates, each passed through the same rule {@link #upload} checks. At
   * most 20, by number; nothing for an empty or overlong text.
   */
  @RolesAllowed({Role.TEACHER_NAME, Role.OFFICER_NAME})
  public List<InmateDirectory.Named> inmatesToUploadFor(String typed) {
    String q = typed == null ? "" : typed.strip().toLowerCase(java.util.Locale.ROOT);
    if (q.isEmpty() || q.length() > 40) {
      return List.of();
    }
    var reader = access.reader();
    Map<Long, InmateDirectory.Named> candidates = new java.util.HashMap<>();
    if (reader.officer()) {
      candidates.putAll(inmates.inSections(reader.sections()));
    }
    if (reader.teacher()) {
      candidates.putAll(inmates.inmates(reader.taught()));
    }
    return candidates.values().stream()
        .filter(
            i ->
                i.prisonerNumber().toLowerCase(java.util.Locale.ROOT).contains(q)
                    || i.name().toLowerCase(java.util.Locale.ROOT).contains(q))
        .sorted(java.util.Comparator.comparing(InmateDirectory.Named::prisonerNumber))
        .limit(20)
        .filter(i -> access.mayTeachOrUpload(i.id()))
        .toList();
  }

  /** A take uploaded for an inmate by his teacher or an officer of his section. */
  @RolesAllowed({Role.TEACHER_NAME, Role.OFFICER_NAME})
  public TakeView upload(
      InputStream content, String prisonerNumber, Long itemId, String instrument) {
    long inmateId =
        scope
            .inmate(prisonerNumber == null ? "" : prisonerNumber.strip())
            .map(i -> i.getId())
            .filter(access::mayTeachOrUpload)
            .orElseThrow(() -> Refusal.notFound("music.error.noInmate"));
    return view(store(inmateId, read(content), itemId, instrument, Purpose.PRACTICE, "UPLOAD"));
  }

  /**
   * The analysis copy of an exam performance (music-exams, issue 19 item 3): once the candidate's
   * performance is recorded as evidence, the same bytes become an EXAM take of his, analysed like
   * any other and linked to the candidate, so that the inmate, his teacher and the examiners on his
   * panel see its pitch and tempo charts. It takes only the recorded performance's own bytes (their
   * hash must be the performance's), once per candidate, and only from the board or an examiner on
   * the candidate's panel. Answers the take, or empty when the take store cannot keep the file (too
   * large, or a format only the evidence store accepts): the performance then stands without
   * charts, and nothing of the take is kept.
   */
  @RolesAllowed({Role.EXAMINER_NAME, Role.EDU_ADMIN_NAME})
  public Optional<Long> recordPerformance(long candidateId, byte[] bytes) {
    Takes.Performance c =
        takes
            .performance(candidateId)
            .orElseThrow(() -> Refusal.notFound("music.exam.error.noPerformance"));
    boolean mayRecord =
        caller.has(Role.EDU_ADMIN) || takes.seatedOnPanel(candidateId, caller.name());
    if (!mayRecord
        || !cn.xinsheng.audit.MerkleTree.sha256Hex(bytes).equals(c.sha256())
        || takes.performanceHasTake(candidateId)) {
      throw Refusal.notFound("music.exam.error.noPerformance");
    }
    if (bytes.length > settings.maxTakeBytes()) {
      return Optional.empty();
    }
    long take;
    try {
      take = store(c.inmateId(), bytes, null, c.instrumentCode(), Purpose.EXAM, "UPLOAD");
    } catch (Refusal r) {
      // refused inside this bean, before anything was kept: the exam's transaction goes on
      return Optional.empty();
    }
    takes.linkPerformance(candidateId, take, time.now());
    return Optional.of(take);
  }

  private byte[] read(InputStream content) {
    try {
      byte[] bytes =
          content.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, settings.maxTakeBytes() + 1));
      if (bytes.length > settings.maxTakeBytes()) {
        throw tooLarge();
      }
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Refusal tooLarge() {
    return Refusal.invalid("music.error.tooLarge", settings.maxTakeBytes() >> 20);
  }

  private long store(
      long inmateId, byte[] bytes, Long itemId, String instrument, Purpose purpose, String source) {
    String instrumentCode = instrument == null || instrument.isBlank() ? null : instrument.strip();
    if (itemId != null) {
      instrumentCode =
          catalogue
              .instrumentOfItem(itemId)
              .orElseThrow(() -> Refusal.invalid("music.error.noItem"));
    }
    if (instrumentCode != null && !catalogue.hasInstrument(instrumentCode)) {
      throw Refusal.invalid("music.error.noInstrument");
    }
    PcmAudio audio;
    try {
      audio = new AudioDecoding(settings.audioLimits(), Ffmpeg.detect()).decode(bytes);
    } catch (MusicRefusal r) {
      // nothing is kept: the file is not written and no row exists yet
      throw Refusal.invalid("music.error.audio", r.zh(), r.en());
    }
    AudioKind kind = AudioKind.sniff(bytes);
    String sha;
    try {
      sha = new TakeFiles(settings.takes()).keep(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Instant now = time.now();
    long id =
        takes.insert(
            new Takes.NewTake(
                inmateId,
                instrumentCode,
                itemId,
                purpose.name(),
                source,
                sha,
                mediaType(kind),
                kind.label(),
                (long) bytes.length,
                audio.durationSeconds(),
                caller.name(),
                now));
    takes.queueAnalysis(id, now);
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("take", id);
    // the inmate's prisoner number: his chain in the log, and whose eyes the leaf may reach
    p.put(
        "inmate",
        Optional.ofNullable(inmates.inmates(List.of(inmateId)).get(inmateId))
            .map(InmateDirectory.Named::prisonerNumber)
            .orElseThrow(() -> Refusal.notFound("music.error.noInmate")));
    p.put("purpose", purpose.name());
    p.put("source", source);
    p.put("item", itemId == null ? null : itemId);
    p.put("instrument", instrumentCode);
    p.put("format", kind.label());
    p.put("size", (long) bytes.length);
    p.values().removeIf(java.util.Objects::isNull);
    auditLog.record("music.take.recorded", "music-take/" + id, p, List.of(sha), now);
    queued.fire(new TakeQueued(id));
    return id;
  }

  static String mediaType(AudioKind kind) {
    return switch (kind) {
      case WAV -> "audio/wav";
      case MP3 -> "audio/mpeg";
      case WEBM -> "audio/webm";
      case OGG -> "audio/ogg";
      case AAC_ADTS -> "audio/aac";
      case MP4 -> "audio/mp4";
      case FLAC -> "audio/flac";
      case AIFF -> "audio/aiff";
      default -> "application/octet-stream";
    };
  }

  /** The takes the caller may read, newest first (at most 200). */
  public List<TakeView> takes() {
    List<Takes.Take> rows = takes.readable(access.readableTakes());
    // the names from organisation's directory, one call for the whole list
    Map<Long, InmateDirectory.Named> named =
        inmates.inmates(rows.stream().map(Takes.Take::inmateId).toList());
    return rows.stream().map(t -> take(t, named.get(t.inmateId()))).toList();
  }

  /** One take, if the caller may read it; otherwise as if it did not exist. */
  public TakeView take(long id) {
    return view(id);
  }

  private TakeView view(long id) {
    return takes
        .find(id, access.readableTakes())
        .map(t -> take(t, inmates.inmates(List.of(t.inmateId())).get(t.inmateId())))
        .orElseThrow(() -> Refusal.notFound("music.error.noTake"));
  }

  private static TakeView take(Takes.Take t, InmateDirectory.Named inmate) {
    return new TakeView(
        t.id(),
        t.inmateId(),
        inmate.prisonerNumber(),
        inmate.name(),
        t.instrument(),
        t.instrumentZh(),
        t.instrumentEn(),
        t.itemId(),
        t.itemTitle(),
        t.purpose(),
        t.source(),
        t.sha256(),
        t.mediaType(),
        t.formatLabel(),
        t.size(),
        t.durationSeconds(),
        t.recordedBy(),
        t.recordedAt(),
        t.state(),
        t.progress(),
        t.failureZh(),
        t.failureEn());
  }

  /** The recording itself, for a reader of the take. */
  public Recording recording(long id) {
    TakeView t = view(id);
    Path file = new TakeFiles(settings.takes()).path(t.sha256());
    if (!Files.isRegularFile(file)) {
      throw Refusal.notFound("music.error.noTake");
    }
    return new Recording(file, t.mediaType(), t.size(), t.sha256());
  }

  /** The analysis JSON once the job is done; empty before. */
  public Optional<String> analysis(long id) {
    view(id);
    return analysisOf0(id);
  }

  private Optional<String> analysisOf0(long id) {
    return takes.analysisResult(id);
  }

  /** The roles a take's recorder may act in, most specific first (issue 18: inmates see roles). */
  private static final List<Role> RECORDERS =
      List.of(Role.INMATE, Role.TEACHER, Role.OFFICER, Role.EXAMINER, Role.EDU_ADMIN);

  /**
   * The role in which the take's recorder made it, for readers who are told roles, not accounts (an
   * inmate at the terminal sees "教师", never {@code teacher1}); empty when none is on record.
   */
  public Optional<String> recorderRole(long takeId) {
    String login = view(takeId).recordedBy();
    return RECORDERS.stream()
        .filter(r -> directory.hasRoleOnRecord(login, r))
        .findFirst()
        .map(Role::name);
  }

  public List<FeedbackView> feedback(long takeId) {
    view(takeId);
    return takes.feedback(takeId).stream()
        .map(f -> new FeedbackView(f.id(), f.text(), f.corrects(), f.writtenBy(), f.writtenAt()))
        .toList();
  }

  /**
   * The teacher's written feedback on a take of a learner he teaches; {@code corrects} names an
   * earlier piece of feedback on the same take that this one corrects (the old one stays).
   */
  @RolesAllowed(Role.TEACHER_NAME)
  public FeedbackView writeFeedback(long takeId, String text, Long corrects) {
    TakeView t = view(takeId);
    if (!access.teaches(t.inmateId())) {
      throw Refusal.forbidden("music.error.notYourLearner");
    }
    if (text == null || text.isBlank() || text.strip().length() > 2000) {
      throw Refusal.invalid("music.error.feedback");
    }
    if (corrects != null && !takes.hasFeedback(corrects, takeId)) {
      throw Refusal.invalid("music.error.corrects");
    }
    Instant now = time.now();
    long id = takes.insertFeedback(takeId, text.strip(), corrects, caller.name(), now);
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("take", takeId);
    p.put("inmate", t.prisonerNumber());
    p.put("feedback", id);
    p.put("text", text.strip());
    if (corrects != null) {
      p.put("corrects", corrects);
    }
    auditLog.record("music.take.feedback", "music-take/" + takeId, p, List.of(), now);
    return new FeedbackView(id, text.strip(), corrects, caller.name(), now);
  }
}
