package cn.xinsheng.web.api;

import cn.xinsheng.evidence.application.EvidenceService;
import cn.xinsheng.music.application.MusicCatalogueService;
import cn.xinsheng.music.application.PracticeService;
import cn.xinsheng.music.application.TakeService;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Folk-music study over HTTP (issue 19): the catalogue (instruments, levels, syllabi in force and
 * their items, sheet music and reference recordings), syllabus packages (the education office), the
 * practice log, takes (recorded at the terminal or uploaded; the body is the audio file itself, its
 * type read from its content), their analysis and the teacher's feedback. Thin: the services decide
 * who may read and write what.
 */
@Path("/music")
@Produces(MediaType.APPLICATION_JSON)
public class MusicResource {

  @Inject MusicCatalogueService catalogue;
  @Inject PracticeService practice;
  @Inject TakeService takes;

  /** The catalogue at a glance. */
  public record CatalogueBody(
      List<MusicCatalogueService.Instrument> instruments,
      List<MusicCatalogueService.Level> levels,
      List<MusicCatalogueService.SyllabusView> syllabi) {}

  /** A practice entry as the terminal sends it. */
  public record PracticeBody(
      @NotNull(message = "music.error.noInstrument") @Size(max = 20) @OneLine String instrument,
      @NotNull(message = "music.error.minutes")
          @Min(value = 1, message = "music.error.minutes")
          @Max(value = 600, message = "music.error.minutes")
          Integer minutes,
      @Size(max = 50, message = "music.error.noItem") List<@NotNull Long> items,
      @Size(max = 500, message = "music.error.note") @OneLine String note) {}

  /** Feedback on a take; {@code corrects} names an earlier piece it corrects. */
  public record FeedbackBody(
      @NotNull(message = "music.error.feedback")
          @Size(max = 2000, message = "music.error.feedback")
          @Text
          String text,
      Long corrects) {}

  /** A take's analysis job: its state and progress (0–100). */
  public record JobState(
      long take, String state, int progress, String message_zh, String message_en) {}

  @GET
  @Path("/catalogue")
  @Operation(summary = "Instruments, levels and the syllabi in force")
  public CatalogueBody catalogue() {
    return new CatalogueBody(catalogue.instruments(), catalogue.levels(), catalogue.syllabi());
  }

  @GET
  @Path("/syllabi/{id}/items")
  @Operation(summary = "A syllabus's items: key, tempo, expected duration, 简谱")
  public List<MusicCatalogueService.ItemView> items(@PathParam("id") long id) {
    catalogue.syllabus(id);
    return catalogue.items(id);
  }

  @GET
  @Path("/items/{id}")
  @Operation(summary = "One syllabus item")
  public MusicCatalogueService.ItemView item(@PathParam("id") long id) {
    return catalogue.item(id);
  }

  @GET
  @Path("/items/{id}/sheet")
  @Produces(MediaType.WILDCARD)
  @Operation(summary = "The item's sheet music (PDF, PNG or JPEG)")
  public Response sheet(@PathParam("id") long id, @HeaderParam("Range") String range) {
    return Ranges.serve(content(catalogue.itemFile(id, true)), range);
  }

  @GET
  @Path("/items/{id}/reference")
  @Produces(MediaType.WILDCARD)
  @Operation(summary = "The item's reference recording (WAV, synthesized); honours Range")
  public Response reference(@PathParam("id") long id, @HeaderParam("Range") String range) {
    return Ranges.serve(content(catalogue.itemFile(id, false)), range);
  }

  private static EvidenceService.Content content(MusicCatalogueService.ItemFile f) {
    return new EvidenceService.Content(f.file(), f.mediaType(), f.size(), f.sha256());
  }

  @POST
  @Path("/packages")
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "Import a signed syllabus package (the zip is the body)")
  @StatusCode(201)
  public MusicCatalogueService.Imported importPackage(InputStream body) {
    return catalogue.importPackage(body);
  }

  @GET
  @Path("/practice")
  @Operation(summary = "The practice log the caller may read (his own, his cohorts', everyone's)")
  public List<PracticeService.PracticeView> practiceLog() {
    return practice.list();
  }

  @POST
  @Path("/practice")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "The inmate logs today's practice: instrument, minutes, items")
  @StatusCode(201)
  public Created logPractice(
      @NotNull(message = "music.error.minutes") @jakarta.validation.Valid PracticeBody body) {
    return new Created(practice.log(body.instrument(), body.minutes(), body.items(), body.note()));
  }

  @POST
  @Path("/takes/mine")
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "The inmate's take recorded at the terminal (WAV, WebM/Opus, Ogg, MP3)")
  @StatusCode(201)
  public TakeService.TakeView recordMine(
      InputStream body,
      @QueryParam("item") Long item,
      @QueryParam("instrument") @Size(max = 20) @OneLine String instrument) {
    return takes.recordMine(body, item, instrument);
  }

  @POST
  @Path("/takes")
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "A take uploaded for an inmate by his teacher or an officer of his section")
  @StatusCode(201)
  public TakeService.TakeView upload(
      InputStream body,
      @QueryParam("inmate") @NotNull(message = "music.error.noInmate") @Size(max = 10) @OneLine
          String inmate,
      @QueryParam("item") Long item,
      @QueryParam("instrument") @Size(max = 20) @OneLine String instrument) {
    return takes.upload(body, inmate, item, instrument);
  }

  @GET
  @Path("/takes")
  @Operation(summary = "The takes the caller may read, newest first")
  public List<TakeService.TakeView> takes() {
    return takes.takes();
  }

  @GET
  @Path("/takes/{id}")
  @Operation(summary = "One take with its analysis job's state")
  public TakeService.TakeView take(@PathParam("id") long id) {
    return takes.take(id);
  }

  @GET
  @Path("/takes/{id}/job")
  @Operation(summary = "The analysis job's state and progress")
  public JobState job(@PathParam("id") long id) {
    TakeService.TakeView t = takes.take(id);
    return new JobState(t.id(), t.state(), t.progress(), t.failureZh(), t.failureEn());
  }

  @GET
  @Path("/takes/{id}/analysis")
  @Operation(
      summary =
          "The analysis: {sampleRate, frames [{t, hz, confidence}], notes [{expected, expectedHz,"
              + " start, end, medianHz, cents}], tempo {…}}; 409 while the job runs")
  @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(
      responseCode = "200",
      description =
          "the analysis as the job stored it (the shape bin/xinsheng music analyse prints)",
      content =
          @org.eclipse.microprofile.openapi.annotations.media.Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema =
                  @org.eclipse.microprofile.openapi.annotations.media.Schema(
                      ref = "#/components/schemas/AnalysisDocument")))
  public Response analysis(@PathParam("id") long id) {
    return takes
        .analysis(id)
        .map(json -> Response.ok(json, ApiError.JSON_UTF8).build())
        .orElseThrow(() -> cn.xinsheng.platform.Refusal.conflict("music.error.notAnalysed"));
  }

  @GET
  @Path("/takes/{id}/audio")
  @Produces(MediaType.WILDCARD)
  @Operation(summary = "The recording; honours Range: bytes=… (206 Partial Content)")
  public Response audio(@PathParam("id") long id, @HeaderParam("Range") String range) {
    TakeService.Recording r = takes.recording(id);
    return Ranges.serve(
        new EvidenceService.Content(r.file(), r.mediaType(), r.size(), r.sha256()), range);
  }

  @GET
  @Path("/takes/{id}/feedback")
  @Operation(summary = "The teacher's feedback on a take, oldest first")
  public List<TakeService.FeedbackView> feedback(@PathParam("id") long id) {
    return takes.feedback(id);
  }

  @POST
  @Path("/takes/{id}/feedback")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "The teacher writes feedback (append-only; a correction names the old one)")
  @StatusCode(201)
  public TakeService.FeedbackView writeFeedback(
      @PathParam("id") long id,
      @NotNull(message = "music.error.feedback") @jakarta.validation.Valid FeedbackBody body) {
    return takes.writeFeedback(id, body.text(), body.corrects());
  }

  /** The analysis JSON's shape for /openapi (sent as stored, not re-serialised from this). */
  @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "AnalysisDocument")
  public record AnalysisDocument(
      int sampleRate,
      java.util.List<Frame> frames,
      java.util.List<Note> notes,
      java.util.Map<String, Object> tempo) {
    public record Frame(double t, Double hz, double confidence) {}

    public record Note(
        String expected,
        double expectedHz,
        double start,
        double end,
        Double medianHz,
        Double cents) {}
  }
}
