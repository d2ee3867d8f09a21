package cn.xinsheng.web.api;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A request body or parameter that breaks the call's declared rules (Bean Validation on the request
 * records): 400 with one line per field, in Chinese and English. A constraint names its own message
 * key when the service has a better word for it; otherwise the key follows the constraint's kind.
 */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

  private static final Map<String, String> KEYS_BY_CONSTRAINT =
      Map.ofEntries(
          Map.entry("NotNull", "error.field.required"),
          Map.entry("NotBlank", "error.field.required"),
          Map.entry("NotEmpty", "error.field.required"),
          Map.entry("Size", "error.field.size"),
          Map.entry("Min", "error.field.range"),
          Map.entry("Max", "error.field.range"),
          Map.entry("DecimalMin", "error.field.range"),
          Map.entry("DecimalMax", "error.field.range"),
          Map.entry("Positive", "error.field.range"),
          Map.entry("PositiveOrZero", "error.field.range"),
          Map.entry("Digits", "error.field.range"),
          Map.entry("Pattern", "error.field.format"));

  @Override
  public Response toResponse(ConstraintViolationException e) {
    return answer(e);
  }

  static Response answer(ConstraintViolationException e) {
    List<ApiError.FieldError> fields = new ArrayList<>();
    for (ConstraintViolation<?> v : e.getConstraintViolations()) {
      String field = field(v.getPropertyPath());
      ConstraintDescriptor<?> d = v.getConstraintDescriptor();
      String template = v.getMessageTemplate();
      String key =
          template != null && !template.startsWith("{")
              ? template
              : KEYS_BY_CONSTRAINT.getOrDefault(
                  d.getAnnotation().annotationType().getSimpleName(), "error.field.invalid");
      String kind = d.getAnnotation().annotationType().getSimpleName();
      Map<String, Object> a = d.getAttributes();
      Object min = kind.endsWith("Min") ? a.get("value") : a.get("min");
      Object max = kind.endsWith("Max") ? a.get("value") : a.get("max");
      fields.add(
          ApiError.FieldError.of(
              field,
              key,
              field,
              min == null ? "" : String.valueOf(min),
              max == null ? "" : String.valueOf(max)));
    }
    if (fields.isEmpty()) {
      return ApiError.response(400, "error.badRequest");
    }
    fields.sort(Comparator.comparing(ApiError.FieldError::field));
    return ApiError.of(fields).answer(400).build();
  }

  /** The field's name: the last node of the path (a record component, or a query parameter). */
  private static String field(Path path) {
    String name = "body";
    for (Path.Node n : path) {
      if (n.getKind() == ElementKind.PROPERTY
          || n.getKind() == ElementKind.PARAMETER
          || n.getKind() == ElementKind.CONTAINER_ELEMENT) {
        if (n.getName() != null && !n.getName().startsWith("<")) {
          name = n.getName();
        }
      }
    }
    return name;
  }
}
