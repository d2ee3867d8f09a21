package cn.xinsheng.web.api;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Adds to every operation of /openapi the answers every call can give besides its own: a refusal
 * (4XX) and a failure (5XX), both as the {@link ApiError} JSON the exception mappers write.
 */
public class ErrorResponses implements OASFilter {

  private static final String REF = "#/components/schemas/ApiError";

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return;
    }
    for (PathItem item : openAPI.getPaths().getPathItems().values()) {
      for (Operation op : item.getOperations().values()) {
        add(
            op,
            "4XX",
            "Refused: bad input, not allowed, not found, a conflict (key and reason in"
                + " Chinese and English)");
        add(
            op,
            "5XX",
            "The database is unavailable (503, retry later) or an unexpected failure"
                + " (500, with a reference for the administrator)");
      }
    }
  }

  private static void add(Operation op, String code, String description) {
    if (op.getResponses() == null) {
      op.setResponses(OASFactory.createAPIResponses());
    }
    if (op.getResponses().hasAPIResponse(code)) {
      return;
    }
    APIResponse r =
        OASFactory.createAPIResponse()
            .description(description)
            .content(
                OASFactory.createContent()
                    .addMediaType(
                        "application/json",
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(REF))));
    op.getResponses().addAPIResponse(code, r);
  }
}
