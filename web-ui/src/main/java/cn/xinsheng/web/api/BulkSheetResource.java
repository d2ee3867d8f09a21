package cn.xinsheng.web.api;

import cn.xinsheng.ledger.application.BulkImportService;
import cn.xinsheng.platform.Refusal;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Bulk entry over HTTP: a CSV or XLSX sheet checked row by row, then saved as one batch (all rows
 * or none).
 */
@Path("/ledger/bulk")
@Produces(MediaType.APPLICATION_JSON)
public class BulkSheetResource {

  private static final long MAX_SHEET = 20L << 20;

  @Inject BulkImportService bulk;

  /** One row of a checked sheet and what is wrong with it. */
  @JsonbPropertyOrder({
    "row",
    "prisonerNumber",
    "clause",
    "amount",
    "fact",
    "date",
    "ok",
    "problems"
  })
  public record BulkRow(
      int row,
      String prisonerNumber,
      String clause,
      String amount,
      String fact,
      String date,
      boolean ok,
      List<ApiError> problems) {}

  /** A saved sheet. */
  public record BatchCreated(long batch) {}

  @POST
  @Path("/preview")
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "Check a CSV/XLSX sheet row by row (body = the file); nothing is saved")
  public List<BulkRow> bulkPreview(InputStream body, @QueryParam("section") long section)
      throws IOException {
    return bulk.preview(section, read(body)).stream()
        .map(
            r ->
                new BulkRow(
                    r.row(),
                    r.prisonerNumber(),
                    r.clause(),
                    r.amount(),
                    r.fact(),
                    r.date(),
                    r.ok(),
                    r.problems().stream().map(BulkSheetResource::problem).toList()))
        .toList();
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "Save a checked sheet as one batch (all rows or none); query: section, name")
  @StatusCode(201)
  public BatchCreated bulkCommit(
      InputStream body,
      @QueryParam("section") long section,
      @QueryParam("name") @Size(max = 255) @OneLine String name)
      throws IOException {
    long batch = bulk.commit(section, name == null ? "bulk.csv" : name, read(body));
    return new BatchCreated(batch);
  }

  private static byte[] read(InputStream body) throws IOException {
    byte[] bytes = body.readNBytes((int) MAX_SHEET + 1);
    if (bytes.length > MAX_SHEET) {
      throw Refusal.invalid("evidence.error.tooLarge", MAX_SHEET >> 20);
    }
    return bytes;
  }

  private static ApiError problem(BulkImportService.Problem p) {
    return ApiError.of(p.key(), p.args().toArray());
  }
}
