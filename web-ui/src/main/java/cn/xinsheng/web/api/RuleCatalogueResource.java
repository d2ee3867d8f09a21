package cn.xinsheng.web.api;

import cn.xinsheng.ledger.application.CatalogueService;
import cn.xinsheng.platform.Refusal;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The rule catalogue over HTTP: the clauses an entry is recorded under, and a new version of them.
 * Every rule is the services'; this class only translates.
 */
@Path("/ledger/catalogue")
@Produces(MediaType.APPLICATION_JSON)
public class RuleCatalogueResource {

  @Inject CatalogueService catalogue;

  /** A catalogue to publish: today only the regulation's default ({@code {"default": true}}). */
  public record CatalogueRequest(
      @JsonbProperty("default") @Schema(name = "default") Boolean adoptDefault) {}

  /** The current catalogue. */
  @JsonbPropertyOrder({"version", "note", "clauses"})
  public record CatalogueView(int version, String note, List<ClauseView> clauses) {}

  /** A clause of the catalogue: its range and the evidence it needs. */
  @JsonbPropertyOrder({"code", "text", "part", "min", "max", "requiredEvidence", "minEvidence"})
  public record ClauseView(
      String code,
      String text,
      String part,
      String min,
      String max,
      List<String> requiredEvidence,
      int minEvidence) {}

  /** A published catalogue version. */
  public record CatalogueVersion(int version) {}

  @GET
  @Operation(summary = "The current rule catalogue: version and clauses")
  public CatalogueView currentCatalogue() {
    return catalogue
        .current()
        .map(
            c ->
                new CatalogueView(
                    c.version(),
                    c.note(),
                    c.clauses().stream().map(RuleCatalogueResource::clause).toList()))
        .orElseThrow(() -> Refusal.notFound("ledger.error.noCatalogue"));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "A new catalogue version; {\"default\": true} adopts the regulation's default")
  @StatusCode(201)
  public CatalogueVersion publishCatalogue(
      @NotNull(message = "catalogue.error.empty") @Valid CatalogueRequest body) {
    if (Boolean.TRUE.equals(body.adoptDefault())) {
      return new CatalogueVersion(catalogue.adoptDefault());
    }
    throw Refusal.invalid("catalogue.error.empty");
  }

  static ClauseView clause(CatalogueService.Clause c) {
    return new ClauseView(
        c.code(), c.text(), c.part(), c.min(), c.max(), c.requiredKinds(), c.minEvidence());
  }
}
