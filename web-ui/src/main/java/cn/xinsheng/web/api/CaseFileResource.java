package cn.xinsheng.web.api;

import cn.xinsheng.cases.application.CaseFile;
import cn.xinsheng.cases.application.CaseFiles;
import cn.xinsheng.cases.application.CasePackageService;
import cn.xinsheng.cases.application.FindingService;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A case's file over HTTP: the inmate's own cases, the whole file, its PDF, the case package a
 * court receives, and an external reader's finding on an item of it. Shares the root {@code /} (see
 * {@link ProposalResource}).
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class CaseFileResource {

  @Inject FindingService findings;

  @Inject CaseFiles caseFiles;

  @Inject CasePackageService packages;

  /** An external reader's finding on an item of the case. */
  @JsonbPropertyOrder({"item", "text"})
  public record CaseFindingRequest(
      @Size(max = 100, message = "case.error.item") @OneLine String item,
      @Size(max = 4000, message = "case.error.text") @Text String text) {}

  @GET
  @Path("/cases/mine")
  @Operation(summary = "The inmate's own cases: status, basis, how to object")
  public List<CaseFile> mine() {
    return caseFiles.mine();
  }

  @GET
  @Path("/cases/{id}")
  @Operation(
      summary = "A case's whole file: proposal, steps, votes, cycles, ledger entries, eligibility")
  public CaseFile file(@PathParam("id") long id) {
    return caseFiles.file(id);
  }

  @GET
  @Path("/cases/{id}/file.pdf")
  @Produces("application/pdf")
  @Operation(summary = "A case's file as PDF for printing (the court's document, in words)")
  public Response filePdf(@PathParam("id") long id) throws IOException {
    byte[] pdf = caseFiles.filePdf(id);
    return Response.ok(pdf)
        .header("Content-Disposition", "inline; filename=\"case-" + id + ".pdf\"")
        .header("Cache-Control", "no-store")
        .build();
  }

  @POST
  @Path("/cases/{id}/findings")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "An external reader's finding on an item of the case: {item, text}")
  @StatusCode(201)
  public Created finding(
      @PathParam("id") long id,
      @NotNull(message = "error.body.empty") @Valid CaseFindingRequest body) {
    long objection = findings.finding(id, body.item(), body.text());
    return new Created(objection);
  }

  @GET
  @Path("/cases/{id}/package")
  @Produces("application/zip")
  @Operation(
      summary = "The case package a court receives, verifiable offline with bin/xinsheng verify")
  public Response casePackage(@PathParam("id") long id) throws IOException {
    java.nio.file.Path tmp = Files.createTempFile("xinsheng-case-", ".zip");
    String name;
    try (OutputStream out = Files.newOutputStream(tmp)) {
      name = packages.write(id, out);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    StreamingOutput body =
        out -> {
          try {
            Files.copy(tmp, out);
          } finally {
            Files.deleteIfExists(tmp);
          }
        };
    return Response.ok(body)
        .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
        .header("Content-Length", Files.size(tmp))
        .build();
  }
}
