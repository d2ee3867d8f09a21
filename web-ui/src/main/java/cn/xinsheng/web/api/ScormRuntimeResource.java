package cn.xinsheng.web.api;

import cn.xinsheng.lms.application.ScormService;
import cn.xinsheng.platform.Refusal;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The SCORM 1.2 run-time's LMS side over HTTP: what a SCO loads before it starts, the lesson's
 * table of contents, and LMSCommit / LMSFinish (also as a {@code text/plain} beacon, see {@link
 * ScormBeaconReader}).
 */
@Path("/lms/lessons/{id}/scorm")
@Produces(MediaType.APPLICATION_JSON)
public class ScormRuntimeResource {

  private static final Logger LOG = Logger.getLogger(ScormRuntimeResource.class.getName());

  @Inject ScormService scorm;

  /**
   * LMSCommit / LMSFinish: the SCORM elements as the SCO set them; which SCO of the lesson (its
   * item identifier, empty for the first); the run-time session and the commit's number in it, so a
   * commit sent twice (beacon and confirmation, or a retry) is kept once.
   */
  @JsonbPropertyOrder({"values", "sco", "session", "seq"})
  public record ScormCommit(
      @Size(max = 2000) Map<@Size(max = 255) @OneLine String, Object> values,
      @Size(max = 100) @OneLine String sco,
      @Size(max = 64) @OneLine String session,
      @PositiveOrZero Long seq) {}

  /** What a SCORM run-time expects from its LMS after a commit, with the data as now stored. */
  @JsonbPropertyOrder({"result", "errorCode", "data"})
  public record ScormCommitted(boolean result, int errorCode, ScormService.ScormState data) {}

  @GET
  @Operation(
      summary =
          "What the SCORM run-time loads before the SCO starts (entry, total time, stored data); ?sco= names an item")
  public ScormService.ScormState scormData(
      @PathParam("id") long id, @QueryParam("sco") @Size(max = 100) String sco) {
    return scorm.data(id, sco == null ? "" : sco);
  }

  @GET
  @Path("/toc")
  @Operation(
      summary =
          "The SCORM lesson's table of contents: each item of the organisation, the caller's status and whether it is open")
  public List<ScormService.TocLine> scormToc(@PathParam("id") long id) {
    return scorm.toc(id);
  }

  @POST
  @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
  @Operation(
      summary =
          "LMSCommit / LMSFinish: {values: {element: value}, sco, session, seq}; also as text/plain (sendBeacon)")
  public ScormCommitted scormCommit(
      @PathParam("id") long id, @NotNull(message = "error.body.empty") @Valid ScormCommit body) {
    Map<String, String> values = new LinkedHashMap<>();
    if (body.values() != null) {
      body.values().forEach((k, v) -> values.put(k, scalar(k, v)));
    }
    try {
      return new ScormCommitted(
          true,
          0,
          scorm.commit(
              id,
              body.sco() == null ? "" : body.sco(),
              body.session() == null ? "" : body.session(),
              body.seq() == null ? 0 : body.seq(),
              values));
    } catch (Refusal r) {
      // a course module that sends what SCORM does not allow is worth a line for the office
      LOG.warning(
          "SCORM commit refused for lesson " + id + ": " + r.getMessage() + " " + values.keySet());
      throw r;
    }
  }

  /** A SCORM value as the run-time's text: a string, a number or a boolean; nothing nested. */
  static String scalar(String element, Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof String || v instanceof Number || v instanceof Boolean) {
      return v instanceof BigDecimal d ? d.toPlainString() : v.toString();
    }
    throw Refusal.invalid("lms.error.scorm", element);
  }
}
