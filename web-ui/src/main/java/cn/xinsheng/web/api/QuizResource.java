package cn.xinsheng.web.api;

import cn.xinsheng.lms.application.QuestionBanks;
import cn.xinsheng.lms.application.QuizMarking;
import cn.xinsheng.lms.application.QuizService;
import cn.xinsheng.platform.Refusal;
import jakarta.inject.Inject;
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
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Quizzes over HTTP: an attempt started and handed in, the results, the question banks, and the
 * teacher's marking (essays, regrades). Shares the root {@code /lms} (see {@link
 * EnrolmentResource}).
 */
@Path("/lms")
@Produces(MediaType.APPLICATION_JSON)
public class QuizResource {

  @Inject QuizService quizzes;

  @Inject QuizMarking marking;

  @Inject QuestionBanks banks;

  /** Answers keyed by question: an index, indexes, a text, or the right sides of pairs. */
  public record AnswersRequest(
      @Size(max = 500, message = "lms.error.answers")
          Map<@Size(max = 100) @OneLine String, Object> answers) {}

  /** A teacher's points for an attempt's essays, keyed by question. */
  public record EssayMarks(
      @Size(max = 500) Map<@Size(max = 100) @OneLine String, @NotNull BigDecimal> marks) {}

  /** How many attempts a regrade touched. */
  public record Regraded(int regraded) {}

  @POST
  @Path("/quizzes/{id}/attempts")
  @StatusCode(201)
  public QuizService.AttemptView start(@PathParam("id") long id) {
    return quizzes.start(id);
  }

  @GET
  @Path("/quizzes/{id}/results")
  public List<QuizService.Graded> results(@PathParam("id") long id) {
    return quizzes.results(id);
  }

  @GET
  @Path("/attempts/{id}")
  public QuizService.AttemptView attempt(@PathParam("id") long id) {
    return quizzes.attempt(id);
  }

  @POST
  @Path("/attempts/{id}/answers")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Hand in: {answers: {key: index | [indexes] | \"text\" | [right sides]}}")
  public QuizService.Graded submit(
      @PathParam("id") long id,
      @NotNull(message = "lms.error.answers") @Valid AnswersRequest body) {
    Map<String, Object> answers = new LinkedHashMap<>();
    if (body.answers() != null) {
      body.answers().forEach((k, v) -> answers.put(k, answer(v, k, 0)));
    }
    return quizzes.submit(id, answers);
  }

  @GET
  @Path("/banks/{courseId}")
  @Operation(summary = "A course's question banks by category (teachers and the education office)")
  public List<QuestionBanks.BankQuestion> bank(@PathParam("courseId") long courseId) {
    return banks.bank(courseId);
  }

  @GET
  @Path("/essays")
  public List<QuizMarking.EssayToGrade> essays() {
    return marking.essaysToGrade();
  }

  @POST
  @Path("/essays/{attemptId}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "A teacher's essay marks: {marks: {key: points}}")
  public QuizService.Graded essayMarks(
      @PathParam("attemptId") long id,
      @NotNull(message = "error.body.empty") @Valid EssayMarks body) {
    return marking.gradeEssays(id, body.marks() == null ? Map.of() : body.marks());
  }

  @POST
  @Path("/regrades/{quizId}")
  public Regraded regrade(@PathParam("quizId") long id) {
    return new Regraded(marking.regrade(id));
  }

  /**
   * One answer as canonical JSON holds it (the form the grader and the audit leaf read): strings,
   * whole numbers, booleans and lists of them; a fraction or an object is not an answer.
   */
  private static Object answer(Object v, String key, int depth) {
    if (v == null || v instanceof String || v instanceof Boolean) {
      return v;
    }
    if (v instanceof BigDecimal d && depth < 3) {
      try {
        return d.longValueExact();
      } catch (ArithmeticException e) {
        throw Refusal.invalid("lms.error.answer", key);
      }
    }
    if (v instanceof Number n && !(v instanceof BigDecimal) && depth < 3) {
      return n.longValue();
    }
    if (v instanceof List<?> list && depth < 2) {
      List<Object> out = new ArrayList<>();
      for (Object x : list) {
        out.add(answer(x, key, depth + 1));
      }
      return out;
    }
    throw Refusal.invalid("lms.error.answer", key);
  }
}
