package cn.xinsheng.web.api;

import cn.xinsheng.lms.application.ContentImportService;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Content packages over HTTP: the signed packages imported so far, and a new one imported (its
 * course into a programme). Thin: the services decide who may do what.
 */
@Path("/lms/packages")
@Produces(MediaType.APPLICATION_JSON)
public class ContentPackageResource {

  @Inject ContentImportService imports;

  /** An imported content package. */
  @JsonbPropertyOrder({
    "packageId",
    "version",
    "title",
    "publisher",
    "signedBy",
    "importedBy",
    "importedAt",
    "course"
  })
  public record PackageView(
      @JsonbProperty("package") @Schema(name = "package") String packageId,
      long version,
      String title,
      String publisher,
      String signedBy,
      String importedBy,
      String importedAt,
      String course) {}

  @GET
  public List<PackageView> packages() {
    List<PackageView> out = new ArrayList<>();
    for (ContentImportService.ImportedPackage p : imports.packages()) {
      out.add(
          new PackageView(
              p.packageId(),
              p.version(),
              p.title(),
              p.publisher(),
              p.signedBy(),
              p.importedBy(),
              // as the API always gave it: the database's timestamp text
              String.valueOf(java.sql.Timestamp.from(p.importedAt())),
              p.course()));
    }
    return out;
  }

  @POST
  @Consumes({"application/zip", MediaType.APPLICATION_OCTET_STREAM})
  @Operation(
      summary =
          "Import a signed content package (the zip as the body); ?programme=CODE puts its course in that programme")
  @StatusCode(201)
  public ContentImportService.Imported importPackage(
      InputStream body, @QueryParam("programme") @Size(max = 100) String programme) {
    return imports.importPackage(body, "upload.zip", programme);
  }
}
