package cn.xinsheng.web.api;

import static cn.xinsheng.web.api.LedgerViews.entries;

import cn.xinsheng.ledger.application.InmateLedgerQueries;
import cn.xinsheng.web.api.LedgerViews.LedgerCycle;
import cn.xinsheng.web.api.LedgerViews.LedgerEntry;
import cn.xinsheng.web.api.LedgerViews.LedgerMonth;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * One inmate's ledger file for staff and external readers: every version of every entry, the
 * computed months, the closed cycles, and the file as XLSX or PDF. Who may read which inmate is the
 * query service's rule (and every external read is logged there).
 */
@Path("/ledger/inmates")
@Produces(MediaType.APPLICATION_JSON)
public class InmateLedgerResource {

  @Inject InmateLedgerQueries queries;

  @GET
  @Path("/{no}/entries")
  @Operation(summary = "An inmate's entries, every version, with reviews and evidence ids")
  public List<LedgerEntry> timeline(@PathParam("no") String no) {
    return entries(queries.timeline(no));
  }

  @GET
  @Path("/{no}/months")
  @Operation(summary = "An inmate's computed months")
  public List<LedgerMonth> months(@PathParam("no") String no) {
    return LedgerViews.months(queries.monthsOf(no));
  }

  @GET
  @Path("/{no}/cycles")
  @Operation(summary = "An inmate's closed 600-point cycles and what each earned")
  public List<LedgerCycle> cycles(@PathParam("no") String no) {
    return LedgerViews.cycles(queries.cyclesOf(no));
  }

  @GET
  @Path("/{no}/export.xlsx")
  @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
  @Operation(summary = "An inmate's ledger as an XLSX workbook (entries, months)")
  public Response exportXlsx(@PathParam("no") String no) {
    return download(no, InmateLedgerQueries.DocumentFormat.XLSX, "xlsx");
  }

  @GET
  @Path("/{no}/export.pdf")
  @Produces("application/pdf")
  @Operation(summary = "An inmate's ledger as a PDF (Chinese font embedded)")
  public Response exportPdf(@PathParam("no") String no) {
    return download(no, InmateLedgerQueries.DocumentFormat.PDF, "pdf");
  }

  /** The inmate's ledger file as an attachment named by his number. */
  private Response download(
      String no, InmateLedgerQueries.DocumentFormat format, String extension) {
    var document = queries.document(no, format);
    StreamingOutput body = out -> document.body().writeTo(out);
    return Response.ok(body)
        .header(
            "Content-Disposition",
            "attachment; filename=\"ledger-" + document.prisonerNumber() + "." + extension + "\"")
        .build();
  }
}
