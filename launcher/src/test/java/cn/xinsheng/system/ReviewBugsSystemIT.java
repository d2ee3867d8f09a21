package cn.xinsheng.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.audit.CanonicalJson;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The review's bugs on the running platform (issue 12), each a test that failed before its fix: one
 * section's eligibility run hid the others' results; proposals made at once collided on their case
 * number (500) or gave an inmate two open cases; quiz attempts started at once passed the limit; a
 * case step took evidence of another section as its attachment, and attachments were nowhere to be
 * seen. Sections 31 and 32 (officer4, officer5, reviewer2), inmate5's admission quiz.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@org.junit.jupiter.api.extension.ExtendWith(SharedPlatform.class)
class ReviewBugsSystemIT {

  private static final String PASSWORD = "demo123!";
  private static final int THREADS = 8;

  private static String base;
  private static WebClient execution;
  private static WebClient officer4;
  private static ExecutorService pool;
  private static long proposedCase;

  @BeforeAll
  static void start() {
    base = RunningPlatform.ensureStarted();
    execution = login("execution1");
    officer4 = login("officer4");
    pool = Executors.newFixedThreadPool(THREADS);
  }

  @AfterAll
  static void stop() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }

  private static WebClient login(String user) {
    WebClient c = new WebClient(base);
    assertEquals(200, c.login(user, PASSWORD).statusCode(), user);
    return c;
  }

  private static Object json(HttpResponse<String> r) {
    return CanonicalJson.parse(r.body());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(HttpResponse<String> r) {
    return (Map<String, Object>) json(r);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(HttpResponse<String> r) {
    assertEquals(200, r.statusCode(), r.body());
    return (List<Map<String, Object>>) json(r);
  }

  private static long run(WebClient c, String body) {
    HttpResponse<String> r = c.postJson("/api/v1/eligibility/runs", body);
    assertEquals(201, r.statusCode(), r.body());
    return (Long) object(r).get("runId");
  }

  private static Set<Object> runsOf(List<Map<String, Object>> results) {
    Set<Object> runs = new HashSet<>();
    results.forEach(r -> runs.add(r.get("runId")));
    return runs;
  }

  /** The same request from many threads at once, released together. */
  private static List<HttpResponse<String>> atOnce(List<Callable<HttpResponse<String>>> calls)
      throws Exception {
    CountDownLatch go = new CountDownLatch(1);
    List<Future<HttpResponse<String>>> futures = new ArrayList<>();
    for (Callable<HttpResponse<String>> call : calls) {
      futures.add(
          pool.submit(
              () -> {
                go.await();
                return call.call();
              }));
    }
    go.countDown();
    List<HttpResponse<String>> out = new ArrayList<>();
    for (Future<HttpResponse<String>> f : futures) {
      out.add(f.get());
    }
    return out;
  }

  @Test
  @Order(1)
  void eachSectionKeepsItsLatestEligibilityRunAndTheDepartmentThePrisons() throws Exception {
    WebClient officer1 = login("officer1");
    WebClient officer5 = login("officer5");
    long run12 = run(officer1, "{\"section\":12}");
    long run32 = run(officer5, "{\"section\":32}");
    List<Map<String, Object>> twelve =
        list(officer1.get("/api/v1/eligibility/runs/latest?section=12&all=true"));
    assertTrue(!twelve.isEmpty(), "section 12's results are not hidden by section 32's run");
    assertEquals(Set.of(run12), runsOf(twelve));
    assertEquals(
        Set.of(run32),
        runsOf(list(officer5.get("/api/v1/eligibility/runs/latest?section=32&all=true"))));

    // the department's run of the whole prison covers every section, until a section runs again
    long prison = run(execution, "{}");
    assertEquals(
        Set.of(prison),
        runsOf(list(officer1.get("/api/v1/eligibility/runs/latest?section=12&all=true"))));
    long again32 = run(officer5, "{\"section\":32}");
    assertEquals(
        Set.of(prison),
        runsOf(list(officer1.get("/api/v1/eligibility/runs/latest?section=12&all=true"))));
    assertEquals(
        Set.of(again32),
        runsOf(list(officer5.get("/api/v1/eligibility/runs/latest?section=32&all=true"))));
    // the department without a section sees the prison's run, not a section's later one
    assertEquals(
        Set.of(prison), runsOf(list(execution.get("/api/v1/eligibility/runs/latest?all=true"))));
  }

  @Test
  @Order(2)
  void proposalsMadeAtOnceGetDistinctNumbersAndAnInmateOneOpenCase() throws Exception {
    run(officer4, "{\"section\":31}");
    List<Map<String, Object>> results =
        list(officer4.get("/api/v1/eligibility/runs/latest?section=31"));
    List<Map<String, Object>> eligible = new ArrayList<>();
    Set<Object> inmates = new HashSet<>();
    for (Map<String, Object> r : results) {
      // a life term's limit is the term it is commuted to, not 1 month (issue 16)
      if ("ELIGIBLE".equals(r.get("outcome"))
          && !(r.get("maxMonths") instanceof Long m && m > 24)
          && RunningPlatform.count(
                  "SELECT COUNT(*) FROM reduction_case WHERE inmate_id = " + r.get("inmateId"))
              == 0
          && inmates.add(r.get("inmateId"))) {
        eligible.add(r);
      }
    }
    assertTrue(eligible.size() >= 4, "eligible inmates of section 31: " + eligible.size());
    List<Map<String, Object>> distinct =
        eligible.subList(0, Math.min(THREADS, eligible.size() - 1));
    List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
    for (Map<String, Object> r : distinct) {
      String body = proposal(r);
      calls.add(() -> officer4.postJson("/api/v1/cases", body));
    }
    Set<String> numbers = new HashSet<>();
    for (HttpResponse<String> r : atOnce(calls)) {
      assertEquals(201, r.statusCode(), r.body());
      numbers.add((String) object(r).get("number"));
      proposedCase = (Long) object(r).get("id");
    }
    assertEquals(distinct.size(), numbers.size(), "every case its own number: " + numbers);

    // one inmate proposed from many sessions at once: one case, the rest refused, none 500
    Map<String, Object> last = eligible.get(eligible.size() - 1);
    calls.clear();
    String lastBody = proposal(last);
    for (int i = 0; i < THREADS; i++) {
      WebClient session = i % 2 == 0 ? officer4 : login("officer4");
      calls.add(() -> session.postJson("/api/v1/cases", lastBody));
    }
    int created = 0;
    for (HttpResponse<String> r : atOnce(calls)) {
      if (r.statusCode() == 201) {
        created++;
      } else {
        assertEquals(409, r.statusCode(), r.body());
        assertTrue(r.body().contains("case.error.openCase"), r.body());
      }
    }
    assertEquals(1, created);
    assertEquals(
        1,
        RunningPlatform.count(
            "SELECT COUNT(*) FROM reduction_case WHERE inmate_id = " + last.get("inmateId")));
  }

  /** A proposal of the result, citing a commendation of its inmate (one made here). */
  private static String proposal(Map<String, Object> result) throws Exception {
    return "{\"eligibility\":"
        + result.get("id")
        + ",\"months\":1,\"rationale\":\"确有悔改表现，提请减刑。\",\"cycles\":["
        + RunningPlatform.commendation((String) result.get("prisonerNumber"))
        + "]}";
  }

  @Test
  @Order(3)
  void quizAttemptsStartedAtOnceNeverPassTheLimit() throws Exception {
    long quiz = RunningPlatform.count("SELECT id FROM quiz WHERE quiz_key = 'rj-q1'");
    long limit = RunningPlatform.count("SELECT attempts FROM quiz WHERE id = " + quiz);
    long inmate =
        RunningPlatform.count("SELECT id FROM inmate WHERE prisoner_number = '3301000005'");
    List<WebClient> sessions = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      sessions.add(login("inmate5"));
    }
    boolean noneLeft = false;
    for (int round = 0; round < limit + 3 && !noneLeft; round++) {
      List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        WebClient s = sessions.get(i % sessions.size());
        calls.add(() -> s.postJson("/api/v1/lms/quizzes/" + quiz + "/attempts", "{}"));
      }
      Map<Object, Map<String, Object>> attempts = new java.util.HashMap<>();
      noneLeft = true;
      for (HttpResponse<String> r : atOnce(calls)) {
        assertTrue(r.statusCode() < 500, r.statusCode() + " " + r.body());
        if (r.statusCode() == 200 || r.statusCode() == 201) {
          attempts.put(object(r).get("attemptId"), object(r));
          noneLeft = false;
        } else {
          assertEquals(409, r.statusCode(), r.body());
          assertTrue(
              r.body().contains("lms.error.noAttemptsLeft")
                  || r.body().contains("lms.error.attemptStarting"),
              r.body());
          noneLeft &= r.body().contains("lms.error.noAttemptsLeft");
        }
      }
      // handed in with an answer (issue 18 walk: an empty hand-in is refused and closes nothing)
      for (Map.Entry<Object, Map<String, Object>> a : attempts.entrySet()) {
        HttpResponse<String> handedIn =
            sessions
                .get(0)
                .postJson(
                    "/api/v1/lms/attempts/" + a.getKey() + "/answers", firstAnswered(a.getValue()));
        assertTrue(handedIn.statusCode() == 200 || handedIn.statusCode() == 409, handedIn.body());
      }
    }
    assertTrue(noneLeft, "the attempts ran out");
    assertEquals(
        limit,
        RunningPlatform.count(
            "SELECT COUNT(*) FROM quiz_attempt WHERE quiz_id = "
                + quiz
                + " AND inmate_id = "
                + inmate));
  }

  /** Answers for an attempt as started: its first question answered, by its type. */
  @SuppressWarnings("unchecked")
  private static String firstAnswered(Map<String, Object> attempt) {
    Map<String, Object> q = ((List<Map<String, Object>>) attempt.get("questions")).get(0);
    String answer =
        switch (String.valueOf(q.get("type"))) {
          case "SINGLE" -> "0";
          case "MULTIPLE" -> "[0]";
          case "TRUEFALSE" -> "\"true\"";
          case "MATCHING" -> "[\"x\"]";
          default -> "\"1\"";
        };
    return "{\"answers\":{\"" + q.get("key") + "\":" + answer + "}}";
  }

  private static long upload(WebClient c, long section) throws Exception {
    java.awt.image.BufferedImage img =
        new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB);
    img.setRGB(1, 1, (int) section);
    java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(img, "png", png);
    HttpResponse<String> up =
        c.send(
            HttpRequest.newBuilder(
                    URI.create(
                        base
                            + "/api/v1/evidence?section="
                            + section
                            + "&name=meeting-"
                            + section
                            + ".png&source=scan&description=minutes"))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(png.toByteArray())));
    assertEquals(201, up.statusCode(), up.body());
    return (Long) object(up).get("id");
  }

  @Test
  @Order(4)
  void aStepTakesOnlyItsSectionsEvidenceAndShowsItOnThePageAndInThePackage() throws Exception {
    assertTrue(proposedCase > 0);
    long foreign = upload(login("officer5"), 32);
    long own = upload(officer4, 31);
    WebClient reviewer = login("reviewer2");
    long events = RunningPlatform.count("SELECT COUNT(*) FROM case_event");
    HttpResponse<String> refused =
        reviewer.postJson(
            "/api/v1/cases/" + proposedCase + "/steps",
            "{\"step\":\"WARD_MEETING\",\"note\":\"同意提请\",\"attachment\":" + foreign + "}");
    assertEquals(400, refused.statusCode(), refused.body());
    assertTrue(refused.body().contains("case.error.attachment"), refused.body());
    assertEquals(
        events, RunningPlatform.count("SELECT COUNT(*) FROM case_event"), "nothing written");

    HttpResponse<String> signed =
        reviewer.postJson(
            "/api/v1/cases/" + proposedCase + "/steps",
            "{\"step\":\"WARD_MEETING\",\"note\":\"同意提请\",\"attachment\":" + own + "}");
    assertEquals(201, signed.statusCode(), signed.body());
    String file = execution.get("/api/v1/cases/" + proposedCase).body();
    assertTrue(file.contains("\"evidenceId\":" + own), file);
    assertTrue(file.contains("meeting-31.png"), file);
    String page = execution.get("/cases/case.xhtml?id=" + proposedCase).body();
    // the outside walk: the attachment opens in the in-page viewer, not the raw address
    assertTrue(
        page.contains("/ledger/evidence.xhtml?id=" + own + "&amp;from=case"),
        "the case page links it");
    assertTrue(page.contains("meeting-31.png"));

    String sha;
    try (var c = RunningPlatform.ownerConnection();
        var st = c.createStatement();
        var rs = st.executeQuery("SELECT sha256 FROM evidence WHERE id = " + own)) {
      assertTrue(rs.next());
      sha = rs.getString(1);
    }
    Path zip = Path.of("target", "review-bugs-package.zip").toAbsolutePath();
    assertEquals(200, execution.download("/api/v1/cases/" + proposedCase + "/package", zip));
    try (ZipFile z = new ZipFile(zip.toFile())) {
      assertTrue(
          z.stream().anyMatch(e -> e.getName().endsWith("evidence/" + sha)),
          "the attachment's bytes are in the package");
    }
  }

  @Test
  @Order(5)
  void nothingIsLeftInTheTemporaryAreasAfterUse() throws Exception {
    for (String area : List.of("evidence", "content")) {
      Path tmp = RunningPlatform.DATA_DIR.resolve(area).resolve("tmp");
      if (Files.isDirectory(tmp)) {
        try (var left = Files.list(tmp)) {
          assertEquals(List.of(), left.toList(), area + "/tmp");
        }
      }
    }
  }
}
