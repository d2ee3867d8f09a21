package cn.xinsheng.web.api;

import cn.xinsheng.organisation.application.OrganisationQueries;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The wards and sections with their head counts. */
@Path("/sections")
@Produces(MediaType.APPLICATION_JSON)
public class SectionResource {

  @Inject OrganisationQueries organisation;

  /** A section with its ward and head count. */
  @JsonbPropertyOrder({"id", "ward", "section", "inmates"})
  public record SectionView(long id, String ward, String section, long inmates) {}

  @GET
  @Operation(summary = "Every section with its ward and number of inmates")
  public List<SectionView> list() {
    return organisation.sectionOverview().stream()
        .map(s -> new SectionView(s.sectionId(), s.wardName(), s.sectionName(), s.inmateCount()))
        .toList();
  }
}
