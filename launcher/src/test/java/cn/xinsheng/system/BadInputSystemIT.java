package cn.xinsheng.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.audit.CanonicalJson;
import cn.xinsheng.web.security.AccessMatrix;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bad input at the REST boundary, on the shared platform. The walk reads {@code /openapi}, takes
 * every write endpoint it lists (POST, PUT, PATCH, DELETE) as a user the access matrix and the
 * service admit, and sends what an outside probe sent: bodies that are not JSON, empty, {@code []},
 * {@code null}, a bare number, nested ten thousand deep; each field of the request record missing,
 * null, of the wrong type, 100 KB long, negative and out of every integer range, a malformed date,
 * with a NUL and with CRLF; unknown ids. Every answer must be a 4xx with the {@code {error,
 * message_zh, message_en}} JSON, without a stack trace, SQL or a server path, and the database must
 * hold exactly the rows it held before. Then query parameters that are not numbers on every GET,
 * and the three 500s the probe of issue 12 found, one test each.
 */
@org.junit.jupiter.api.extension.ExtendWith(SharedPlatform.class)
class BadInputSystemIT {

  private static final String PASSWORD = "demo123!";
  private static final long UNKNOWN = 999_999_999L;
  private static final String KB100 = "a".repeat(100 * 1024);

  /** A query string is bounded by the HTTP server's request-line limit (an empty 400 above it). */
  private static final String QUERY_LONG = "a".repeat(4000);

  /** Takes no input: the walk has nothing bad to send (and would log itself out). */
  private static final Set<String> NO_INPUT =
      Set.of("DELETE /api/v1/session", "POST /api/v1/audit/self-check");

  /**
   * The role the service itself admits, where the access matrix lets several roles reach a path
   * (cases: each record kind has its own author).
   */
  private static final Map<String, String> ROLE =
      Map.ofEntries(
          Map.entry("POST /api/v1/cases/{id}/votes", "COMMITTEE"),
          Map.entry("POST /api/v1/cases/{id}/posting-objections", "INMATE"),
          Map.entry("POST /api/v1/cases/{id}/opinions", "PROSECUTOR"),
          Map.entry("POST /api/v1/cases/{id}/extension", "PROSECUTOR"),
          Map.entry("POST /api/v1/cases/{id}/lawyers", "EXECUTION"),
          Map.entry("POST /api/v1/cases/{id}/lawyer-opinions", "LAWYER"),
          Map.entry("POST /api/v1/cases/{id}/findings", "PROSECUTOR"),
          Map.entry("POST /api/v1/cases/{id}/return", "EXECUTION"),
          // issue 16: the court's own records, and the prison's approval of a grading
          Map.entry("POST /api/v1/cases/{id}/court-extension", "JUDGE"),
          Map.entry("POST /api/v1/cases/{id}/court-posting-objections", "JUDGE"),
          Map.entry("POST /api/v1/ledger/cycles/{id}/approval", "EXECUTION"));

  private static final List<String> PREFERENCE =
      List.of(
          "OFFICER",
          "INMATE",
          "REVIEWER",
          "EXECUTION",
          "TEACHER",
          "EDU_ADMIN",
          "SYS_ADMIN",
          "PROSECUTOR",
          "SUPERVISOR",
          "COMMITTEE",
          "WARDEN",
          "JUDGE",
          "LAWYER",
          "EXAMINER",
          "COMMUNITY_CORRECTIONS");

  /**
   * Where the schema's plain base value ("x", an unknown id) would be a valid request or cost much,
   * a base the service refuses whatever single field the walk then changes. Logging in: no name at
   * all, so no attempt is ever counted against an account.
   */
  private static final Map<String, Map<String, Object>> BASE =
      Map.of(
          "POST /api/v1/session",
          Map.of("username", "", "password", Absent.INSTANCE),
          // only the walk's changes of the current password reach the (deliberately slow) hash
          "POST /api/v1/session/password",
          Map.of("currentPassword", Absent.INSTANCE));

  /**
   * Rows that change while the walk runs, by design: an external reader's every request is logged
   * (read_event, with one audit entry each, checked below); the sequencer integrates and signs
   * earlier entries every second; the self-check runs on a timer.
   */
  private static final Set<String> MOVING =
      Set.of("read_event", "audit_leaf", "audit_checkpoint", "audit_self_check");

  /** Fields that hold a day, a month or an instant (the records take them as text). */
  private static final Pattern DATE_LIKE = Pattern.compile("(?i)(date|day|month|At|On)$");

  /** Keys that mean the boundary let bad input through to where only a generic answer is left. */
  private static final Set<String> FALLBACK_KEYS =
      Set.of("error.unexpected", "error.database.conflict", "error.database.value");

  private static final Pattern LEAK =
      Pattern.compile(
          "Exception|\\tat |\\bat (?:java|jakarta|org|cn|com|fish)\\.|SQL|SELECT |INSERT |"
              + "jdbc:|/work/|/tmp/|/home/|/root/|/usr/|/opt/|\\.java\\b|\\.jar\\b|<html|<!DOCTYPE",
          Pattern.CASE_INSENSITIVE);

  private static String base;
  private static Map<String, Object> openapi;
  private static final Map<String, WebClient> CLIENTS = new ConcurrentHashMap<>();

  /** A property the base leaves out of the body. */
  private enum Absent {
    INSTANCE
  }

  /** JSON text as it stands (numbers no Java type holds, nesting, broken bodies). */
  private record Raw(String json) {}

  /** One request of the walk and why it is bad. */
  private record Probe(
      String operation,
      String role,
      String method,
      String path,
      String contentType,
      byte[] body,
      String what) {}

  @BeforeAll
  static void start() {
    base = RunningPlatform.ensureStarted();
    WebClient anonymous = new WebClient(base);
    HttpResponse<String> doc =
        anonymous.send(
            HttpRequest.newBuilder(URI.create(base + "/openapi"))
                .header("Accept", "application/json")
                .GET());
    assertEquals(200, doc.statusCode(), doc.body());
    openapi = map(CanonicalJson.parseLenient(doc.body()));
  }

  // --- the walk over every write endpoint --------------------------------------------------------

  @Test
  void everyWriteEndpointRefusesBadInputWithJsonAndWritesNothing() throws Exception {
    AccessMatrix matrix = AccessMatrix.load();
    List<Probe> probes = new ArrayList<>();
    Set<String> walked = new java.util.TreeSet<>();
    for (Map.Entry<String, Object> p : map(openapi.get("paths")).entrySet()) {
      String path = p.getKey();
      for (Map.Entry<String, Object> o : map(p.getValue()).entrySet()) {
        String method = o.getKey().toUpperCase(java.util.Locale.ROOT);
        if (!Set.of("POST", "PUT", "PATCH", "DELETE").contains(method)) {
          continue;
        }
        String operation = method + " " + path;
        if (NO_INPUT.contains(operation)) {
          continue;
        }
        walked.add(operation);
        probes.addAll(probes(matrix, operation, method, path, map(o.getValue())));
      }
    }
    assertTrue(walked.size() >= 45, "write endpoints in /openapi: " + walked);
    for (Probe p : probes) {
      client(p.role());
    }

    Map<String, Long> before = rowCounts();
    long started = System.currentTimeMillis();
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger sent = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (Probe p : probes) {
        done.add(
            pool.submit(
                () -> {
                  sent.incrementAndGet();
                  String problem = check(send(p));
                  if (problem != null) {
                    failures.add(
                        p.operation() + " [" + p.what() + "] as " + p.role() + ": " + problem);
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    long millis = System.currentTimeMillis() - started;
    Map<String, Long> after = rowCounts();

    Map<String, String> written = new TreeMap<>();
    for (String table : after.keySet()) {
      long delta = after.get(table) - before.getOrDefault(table, 0L);
      if (delta != 0 && !MOVING.contains(table) && !"audit_entry".equals(table)) {
        written.put(table, "+" + delta);
      }
    }
    long reads = after.get("read_event") - before.get("read_event");
    long entries = after.get("audit_entry") - before.get("audit_entry");
    if (entries != reads) {
      written.put("audit_entry", "+" + entries + " for " + reads + " logged reads");
    }
    System.out.printf(
        "bad-input walk: %d endpoints, %d requests in %d ms, %d failures%n",
        walked.size(), sent.get(), millis, failures.size());
    assertEquals(List.of(), failures.stream().limit(40).toList(), failures.size() + " failures");
    assertEquals(Map.of(), written, "rows written by refused requests");
  }

  private static List<Probe> probes(
      AccessMatrix matrix, String operation, String method, String path, Map<String, Object> op) {
    String concrete = fill(path, op, null, null);
    String role = role(matrix, operation, method, concrete);
    List<Probe> out = new ArrayList<>();
    Map<String, Object> content =
        map(map(op.getOrDefault("requestBody", Map.of())).getOrDefault("content", Map.of()));
    String type = content.keySet().stream().findFirst().orElse(null);
    byte[] base = baseBody(operation, type, content);

    // path parameters: negative, not a number, beyond every integer; CRLF in text (a NUL in a
    // path never reaches the application: the HTTP server answers 400 with no body itself)
    for (Map<String, Object> param : params(op, "path")) {
      List<String> bads =
          isNumber(map(param.get("schema")))
              ? List.of("-1", "abc", "1e400", "99999999999999999999")
              : List.of("2026-13", "abc", "%0D%0A");
      for (String bad : bads) {
        String p = fill(path, op, (String) param.get("name"), bad);
        out.add(new Probe(operation, role, method, p, type, base, "path " + bad));
      }
    }
    // query parameters: not numbers, out of range, empty; NUL, CRLF and long text
    for (Map<String, Object> param : params(op, "query")) {
      List<String> bads =
          isNumber(map(param.get("schema")))
              ? List.of("abc", "-1", "1e400", "99999999999999999999", "")
              : List.of("a\u0000b", "a\r\nb", QUERY_LONG, "");
      for (String bad : bads) {
        String p =
            fill(
                path,
                op,
                (String) param.get("name"),
                URLEncoder.encode(bad, StandardCharsets.UTF_8));
        String what = "query " + param.get("name") + "=" + (bad.length() > 20 ? "4000 chars" : bad);
        out.add(new Probe(operation, role, method, p, type, base, what));
      }
    }

    if (type == null) {
      // no body: the unknown ids of the path are the bad input
      out.add(new Probe(operation, role, method, concrete, null, new byte[0], "unknown ids"));
      return out;
    }
    if (!type.contains("json")) {
      for (byte[] b :
          List.of(
              new byte[0],
              "xx".getBytes(StandardCharsets.UTF_8),
              "{}".getBytes(StandardCharsets.UTF_8),
              "a\u0000b\r\n".getBytes(StandardCharsets.UTF_8),
              KB100.getBytes(StandardCharsets.UTF_8))) {
        out.add(new Probe(operation, role, method, concrete, type, b, b.length + " bytes"));
      }
      return out;
    }

    // the body as a whole
    for (String whole :
        List.of(
            "not json",
            "",
            "[]",
            "null",
            "5",
            "{}",
            "[".repeat(10_000) + "]".repeat(10_000),
            "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000))) {
      String what = whole.length() > 20 ? "nested 10000 deep" : "body " + whole;
      out.add(
          new Probe(
              operation,
              role,
              method,
              concrete,
              type,
              whole.getBytes(StandardCharsets.UTF_8),
              what));
    }
    // each field of the request record
    Map<String, Object> props = properties(content.get(type));
    Map<String, Object> baseFields = baseFields(operation, props);
    out.add(new Probe(operation, role, method, concrete, type, base, "base"));
    for (Map.Entry<String, Object> prop : props.entrySet()) {
      for (Map.Entry<String, Object> bad :
          badValues(prop.getKey(), map(prop.getValue())).entrySet()) {
        Map<String, Object> b = new LinkedHashMap<>(baseFields);
        if (bad.getValue() == Absent.INSTANCE) {
          b.remove(prop.getKey());
        } else {
          b.put(prop.getKey(), bad.getValue());
        }
        out.add(
            new Probe(
                operation,
                role,
                method,
                concrete,
                type,
                json(b),
                prop.getKey() + " " + bad.getKey()));
      }
    }
    return out;
  }

  /** The body every probe of a path or query sends: the base, refused on its own. */
  private static byte[] baseBody(String operation, String type, Map<String, Object> content) {
    if (type == null) {
      return new byte[0];
    }
    if (!type.contains("json")) {
      return "xx".getBytes(StandardCharsets.UTF_8);
    }
    return json(baseFields(operation, properties(content.get(type))));
  }

  /** Bad values for one property of a request record, by its type, with a name for the report. */
  private static Map<String, Object> badValues(String name, Map<String, Object> prop) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("missing", Absent.INSTANCE);
    v.put("null", null);
    String type = String.valueOf(prop.get("type"));
    switch (type) {
      case "string" -> {
        v.put("object", Map.of());
        v.put("empty", "");
        v.put("100 KB", KB100);
        v.put("NUL", "a\u0000b");
        v.put("CRLF", "a\r\nb");
        if (DATE_LIKE.matcher(name).find()) {
          v.put("malformed date", "2026-13-45T25:61");
          v.put("29 February 2026", "2026-02-29");
        }
      }
      case "number", "integer" -> {
        v.put("text", "abc");
        v.put("negative", -1L);
        v.put("fraction", new Raw("1.5"));
        v.put("beyond long", new Raw("-9223372036854775809"));
        v.put("1e400", new Raw("1e400"));
      }
      case "boolean" -> {
        v.put("text", "maybe");
        v.put("number", 5L);
        v.put("object", Map.of());
      }
      case "array" -> {
        v.put("text", "x");
        v.put("object", Map.of());
        v.put("[null]", Collections.singletonList(null));
        v.put("[100 KB]", List.of(KB100));
        v.put("[NUL]", List.of("a\u0000b"));
        v.put("[-1]", List.of(-1L));
        v.put("[1e400]", List.of(new Raw("1e400")));
        v.put("[{}]", List.of(Map.of()));
        v.put("10000 items", Collections.nCopies(10_000, UNKNOWN));
      }
      default -> {
        v.put("text", "x");
        v.put("array", List.of(1L));
        v.put("{nested}", Map.of("k", Map.of("k", List.of(Map.of()))));
        v.put("{100 KB key}", Map.of(KB100, 1L));
        v.put("{NUL}", Map.of("k", "a\u0000b"));
        v.put("{1e400}", Map.of("k", new Raw("1e400")));
        v.put("{fraction}", Map.of("k", new Raw("1.5")));
        v.put(
            "{nested 10000 deep}",
            new Raw("{\"k\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}"));
      }
    }
    return v;
  }

  /** Every property at a value the service refuses: unknown ids, "x" for names and dates. */
  private static Map<String, Object> baseFields(String operation, Map<String, Object> props) {
    Map<String, Object> b = new LinkedHashMap<>();
    for (Map.Entry<String, Object> prop : props.entrySet()) {
      b.put(
          prop.getKey(),
          switch (String.valueOf(map(prop.getValue()).get("type"))) {
            case "string" -> "x";
            case "number", "integer" -> UNKNOWN;
            case "boolean" -> false;
            case "array" -> List.of();
            default -> Map.of();
          });
    }
    for (Map.Entry<String, Object> o : BASE.getOrDefault(operation, Map.of()).entrySet()) {
      if (o.getValue() == Absent.INSTANCE) {
        b.remove(o.getKey());
      } else {
        b.put(o.getKey(), o.getValue());
      }
    }
    return b;
  }

  // --- /openapi describes what every call takes and answers --------------------------------------

  @Test
  void openapiDescribesEveryJsonBodyAndAnswer() {
    Map<String, Object> schemas = map(map(openapi.get("components")).get("schemas"));
    List<String> undescribed = new ArrayList<>();
    int operations = 0;
    for (Map.Entry<String, Object> p : map(openapi.get("paths")).entrySet()) {
      for (Map.Entry<String, Object> o : map(p.getValue()).entrySet()) {
        String operation = o.getKey().toUpperCase(java.util.Locale.ROOT) + " " + p.getKey();
        Map<String, Object> op = map(o.getValue());
        operations++;
        Map<String, Object> body =
            map(map(op.getOrDefault("requestBody", Map.of())).getOrDefault("content", Map.of()));
        Object json = body.get("application/json");
        if (json != null && properties(json).isEmpty()) {
          undescribed.add(operation + " takes " + map(json).get("schema"));
        }
        for (Map.Entry<String, Object> r : map(op.get("responses")).entrySet()) {
          Object answer = map(map(r.getValue()).get("content")).get("application/json");
          if (answer != null && !described(map(map(answer).get("schema")), schemas)) {
            undescribed.add(operation + " answers " + r.getKey() + " " + map(answer).get("schema"));
          }
        }
      }
    }
    assertTrue(operations >= 90, "operations in /openapi: " + operations);
    assertTrue(schemas.containsKey("ApiError"), "ApiError is described");
    assertEquals(List.of(), undescribed);
  }

  /** A named schema with properties, an array of such, or a plain value: not a bare "object". */
  private static boolean described(Map<String, Object> schema, Map<String, Object> schemas) {
    if (schema.get("$ref") instanceof String ref) {
      Map<String, Object> named = map(schemas.get(ref.substring(ref.lastIndexOf('/') + 1)));
      return !named.isEmpty()
          && (!"object".equals(named.get("type")) || !map(named.get("properties")).isEmpty());
    }
    Object type = schema.get("type");
    if ("array".equals(type)) {
      return described(map(schema.get("items")), schemas);
    }
    return type != null && !"object".equals(type);
  }

  // --- query parameters that are not numbers on every GET ----------------------------------------

  @Test
  void everyNumericParameterOfAGetThatIsNotANumberIsAnsweredWithJson() {
    AccessMatrix matrix = AccessMatrix.load();
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (Map.Entry<String, Object> p : map(openapi.get("paths")).entrySet()) {
      Map<String, Object> ops = map(p.getValue());
      if (!ops.containsKey("get")) {
        continue;
      }
      Map<String, Object> op = map(ops.get("get"));
      String operation = "GET " + p.getKey();
      String concrete = fill(p.getKey(), op, null, null);
      String role = role(matrix, operation, "GET", concrete);
      for (Map<String, Object> param : params(op, "query")) {
        if (isNumber(map(param.get("schema")))) {
          String url = fill(p.getKey(), op, (String) param.get("name"), "abc");
          String problem = expect(client(role).get(url), 400, "error.parameter");
          checked++;
          if (problem != null) {
            failures.add(url + ": " + problem);
          }
        }
      }
      for (Map<String, Object> param : params(op, "path")) {
        if (isNumber(map(param.get("schema")))) {
          String url = fill(p.getKey(), op, (String) param.get("name"), "abc");
          String problem = expect(client(role).get(url), 404, "error.notFound");
          checked++;
          if (problem != null) {
            failures.add(url + ": " + problem);
          }
        }
      }
    }
    assertTrue(checked >= 20, "numeric parameters checked: " + checked);
    assertEquals(List.of(), failures);
  }

  // --- the probe's three 500s
  // ----------------------------------------------------------------------

  /** An entry without a clause was a NullPointerException (a refusal naming a null clause). */
  @Test
  void anEntryWithoutAClauseIsRefusedNotANullPointer() throws Exception {
    long entries = RunningPlatform.count("SELECT COUNT(*) FROM point_entry");
    WebClient officer = client("OFFICER");
    for (String body :
        List.of(
            "{\"prisonerNumber\":\"3301000001\",\"amount\":\"2\",\"fact\":\"内务卫生\","
                + "\"occurredAt\":\"2026-01-05T08:00\",\"evidence\":[]}",
            "{\"prisonerNumber\":\"3301000001\",\"clause\":null,\"amount\":\"2\",\"fact\":\"内务卫生\","
                + "\"occurredAt\":\"2026-01-05T08:00\",\"evidence\":[]}")) {
      HttpResponse<String> r = officer.postJson("/api/v1/ledger/entries", body);
      assertEquals(400, r.statusCode(), r.body());
      assertTrue(r.body().contains("\"field\":\"clause\""), r.body());
      assertEquals(null, check(r), r.body());
    }
    assertEquals(entries, RunningPlatform.count("SELECT COUNT(*) FROM point_entry"));
  }

  /** A string where the achievement confirmation takes a number was a ClassCastException. */
  @Test
  void aStringWhereLearningTakesANumberIsRefusedNotAClassCast() throws Exception {
    long entries = RunningPlatform.count("SELECT COUNT(*) FROM point_entry");
    WebClient officer = client("OFFICER");
    for (String field : List.of("courseId", "quizId")) {
      String body =
          "{\"prisonerNumber\":\"3301000001\",\"courseId\":1,\"quizId\":0,\"amount\":\"1\"}"
              .replace(
                  "\"" + field + "\":" + (field.equals("courseId") ? "1" : "0"),
                  "\"" + field + "\":\"abc\"");
      HttpResponse<String> r = officer.postJson("/api/v1/lms/achievements/confirm", body);
      assertEquals(400, r.statusCode(), r.body());
      assertTrue(r.body().contains("\"error\":\"error.body.malformed\""), r.body());
      assertEquals(null, check(r), r.body());
    }
    assertEquals(entries, RunningPlatform.count("SELECT COUNT(*) FROM point_entry"));
  }

  /** A NUL in a file name was an InvalidPathException; a CRLF is refused the same way. */
  @Test
  void aNulOrALineBreakInAFileNameIsRefusedNotAnInvalidPath() throws Exception {
    long submissions = RunningPlatform.count("SELECT COUNT(*) FROM submission");
    long evidence = RunningPlatform.count("SELECT COUNT(*) FROM evidence");
    WebClient inmate = client("INMATE");
    for (String name : List.of("a\u0000.txt", "a\r\n.txt")) {
      String body =
          "{\"text\":\"我的作业\",\"fileName\":" + quote(name) + ",\"fileBase64\":\"aGVsbG8=\"}";
      HttpResponse<String> r = inmate.postJson("/api/v1/lms/assignments/1/submissions", body);
      assertEquals(400, r.statusCode(), r.body());
      assertTrue(r.body().contains("\"error\":\"lms.error.fileName\""), r.body());
      assertEquals(null, check(r), r.body());

      HttpResponse<String> upload =
          client("OFFICER")
              .send(
                  HttpRequest.newBuilder(
                          URI.create(
                              base
                                  + "/api/v1/evidence?section=11&source=x&description=x&name="
                                  + URLEncoder.encode(name, StandardCharsets.UTF_8)))
                      .header("Content-Type", "application/octet-stream")
                      .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1, 2, 3})));
      assertEquals(400, upload.statusCode(), upload.body());
      assertTrue(upload.body().contains("\"field\":\"name\""), upload.body());
      assertEquals(null, check(upload), upload.body());
    }
    assertEquals(submissions, RunningPlatform.count("SELECT COUNT(*) FROM submission"));
    assertEquals(evidence, RunningPlatform.count("SELECT COUNT(*) FROM evidence"));
  }

  /** The audit API answered a parameter that is not a number with a 404 HTML page. */
  @Test
  void theAuditApiAnswersANonNumericParameterWithJson() {
    WebClient admin = client("SYS_ADMIN");
    for (String url :
        List.of(
            "/api/v1/audit/leaves?start=abc&end=2",
            "/api/v1/audit/proof/inclusion?index=1&size=x",
            "/api/v1/audit/proof/consistency?from=1.5&to=2",
            "/api/v1/audit/export?start=abc")) {
      assertEquals(null, expect(admin.get(url), 400, "error.parameter"), url);
    }
  }

  /** JAX-RS's own refusals (wrong method, media type, Accept) are the JSON error, not a page. */
  @Test
  void theHttpErrorsOfJaxRsAreJson() {
    WebClient officer = client("OFFICER");
    HttpResponse<String> wrongMethod = officer.get("/api/v1/ledger/entries/1/amendment");
    assertEquals(null, expect(wrongMethod, 405, "error.methodNotAllowed"));
    assertTrue(wrongMethod.headers().firstValue("Allow").orElse("").contains("POST"));
    assertEquals(
        null,
        expect(
            officer.postText("/api/v1/ledger/entries", "{}"), 415, "error.unsupportedMediaType"));
    assertEquals(
        null,
        expect(
            officer.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/ledger/catalogue"))
                    .header("Accept", "application/xml")
                    .GET()),
            406,
            "error.notAcceptable"));
    assertEquals(
        null,
        expect(
            officer.get("/api/v1/ledger/inmates/3301000001/nothing-here"), 404, "error.notFound"));
  }

  // --- sending and checking ----------------------------------------------------------------------

  private static HttpResponse<String> send(Probe p) {
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + p.path()));
    if (p.contentType() != null) {
      r.header(
          "Content-Type",
          p.contentType().equals("*/*") ? "application/octet-stream" : p.contentType());
    }
    r.method(p.method(), HttpRequest.BodyPublishers.ofByteArray(p.body()));
    return client(p.role()).send(r);
  }

  /**
   * What is wrong with an answer to bad input, or null: it must be a 4xx (not a role refusal: the
   * walk's user is admitted), JSON with a key and both messages from the bundles, and say nothing
   * of the server's insides.
   */
  private static String check(HttpResponse<String> r) {
    int status = r.statusCode();
    if (status >= 500) {
      return "status " + status + ": " + shorten(r.body());
    }
    if (status < 400) {
      return "accepted with " + status + ": " + shorten(r.body());
    }
    String type = r.headers().firstValue("Content-Type").orElse("");
    if (!type.startsWith("application/json")) {
      return "status " + status + " answered as " + type + ": " + shorten(r.body());
    }
    if (LEAK.matcher(r.body()).find()) {
      return "status " + status + " tells the server's insides: " + shorten(r.body());
    }
    Map<String, Object> body;
    try {
      body = map(CanonicalJson.parseLenient(r.body()));
    } catch (RuntimeException e) {
      return "status " + status + " not a JSON object: " + shorten(r.body());
    }
    Object key = body.get("error");
    if (!(key instanceof String k)
        || !(body.get("message_zh") instanceof String zh)
        || !(body.get("message_en") instanceof String en)) {
      return "status " + status + " without {error, message_zh, message_en}: " + shorten(r.body());
    }
    if (en.equals(k) || zh.equals(k) || en.isBlank() || zh.isBlank()) {
      return "no message in the bundles for " + k;
    }
    if (FALLBACK_KEYS.contains(k)) {
      return "status " + status + " " + k + ": the boundary let it through";
    }
    if ("error.forbidden".equals(k) || "error.loginRequired".equals(k)) {
      return "the walk's user was refused by role: " + k;
    }
    return null;
  }

  private static String expect(HttpResponse<String> r, int status, String key) {
    if (r.statusCode() != status || !r.body().contains("\"error\":\"" + key + "\"")) {
      return "expected "
          + status
          + " "
          + key
          + ", got "
          + r.statusCode()
          + ": "
          + shorten(r.body());
    }
    return check(r);
  }

  // --- the platform's users and rows -------------------------------------------------------------

  private static String role(AccessMatrix matrix, String operation, String method, String path) {
    String plain = path.replaceFirst("\\?.*", "");
    AccessMatrix.Entry entry =
        matrix
            .entryFor(plain, method)
            .orElseThrow(() -> new AssertionError("no access-matrix line for " + operation));
    if (entry.who().contains(AccessMatrix.PUBLIC)) {
      return AccessMatrix.PUBLIC;
    }
    if (entry.who().contains(AccessMatrix.AUTHENTICATED)) {
      return "EXAMINER";
    }
    String chosen = ROLE.get(operation);
    if (chosen != null) {
      assertTrue(entry.who().contains(chosen), operation + ": the matrix does not admit " + chosen);
      return chosen;
    }
    return PREFERENCE.stream()
        .filter(entry.who()::contains)
        .findFirst()
        .orElseThrow(() -> new AssertionError(operation + ": no demo user for " + entry.who()));
  }

  /** One logged-in client per role (the demo user {@code <role>1}); anonymous for PUBLIC. */
  private static WebClient client(String role) {
    return CLIENTS.computeIfAbsent(
        role,
        r -> {
          WebClient c = new WebClient(base);
          if (!AccessMatrix.PUBLIC.equals(r)) {
            // the community corrections office's demo login is community1 (issue 20)
            String user =
                "COMMUNITY_CORRECTIONS".equals(r)
                    ? "community1"
                    : r.toLowerCase(java.util.Locale.ROOT).replace("_", "") + "1";
            HttpResponse<String> login = c.login(user, PASSWORD);
            assertEquals(200, login.statusCode(), user + ": " + login.body());
          }
          return c;
        });
  }

  /** Every table's row count, as the database administrator counts them. */
  private static Map<String, Long> rowCounts() throws Exception {
    Map<String, Long> counts = new TreeMap<>();
    try (Connection c = RunningPlatform.ownerConnection();
        Statement s = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs =
          s.executeQuery(
              "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()"
                  + " AND table_type = 'BASE TABLE'")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      for (String t : tables) {
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM `" + t + "`")) {
          rs.next();
          counts.put(t, rs.getLong(1));
        }
      }
    }
    assertTrue(counts.containsKey("point_entry") && counts.containsKey("read_event"), "" + counts);
    return counts;
  }

  // --- /openapi
  // ------------------------------------------------------------------------------------

  private static Map<String, Object> properties(Object mediaType) {
    return map(schema(mediaType).getOrDefault("properties", Map.of()));
  }

  private static Map<String, Object> schema(Object mediaType) {
    Map<String, Object> s = map(map(mediaType).getOrDefault("schema", Map.of()));
    Object ref = s.get("$ref");
    if (ref instanceof String r && r.startsWith("#/components/schemas/")) {
      return map(
          map(map(openapi.get("components")).get("schemas"))
              .get(r.substring("#/components/schemas/".length())));
    }
    return s;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> params(Map<String, Object> op, String in) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object p : (List<Object>) op.getOrDefault("parameters", List.of())) {
      if (in.equals(map(p).get("in"))) {
        out.add(map(p));
      }
    }
    return out;
  }

  private static boolean isNumber(Map<String, Object> schema) {
    return "number".equals(schema.get("type")) || "integer".equals(schema.get("type"));
  }

  /**
   * The path with every parameter at its base (an unknown id, a month, "x"), the query's too; one
   * parameter may be given a bad value instead (already encoded).
   */
  private static String fill(String path, Map<String, Object> op, String bad, String badValue) {
    String out = path;
    for (Map<String, Object> p : params(op, "path")) {
      String name = (String) p.get("name");
      String value =
          name.equals(bad)
              ? badValue
              : isNumber(map(p.get("schema")))
                  ? String.valueOf(UNKNOWN)
                  : "month".equals(name) ? "2026-01" : "x";
      out = out.replaceAll("\\{" + Pattern.quote(name) + "(: [^}]*)?\\}", value);
    }
    List<String> query = new ArrayList<>();
    for (Map<String, Object> p : params(op, "query")) {
      String name = (String) p.get("name");
      String value =
          name.equals(bad) ? badValue : isNumber(map(p.get("schema"))) ? "" + UNKNOWN : "x";
      query.add(name + "=" + value);
    }
    return query.isEmpty() ? out : out + "?" + String.join("&", query);
  }

  // --- JSON
  // ----------------------------------------------------------------------------------------

  private static byte[] json(Object value) {
    StringBuilder sb = new StringBuilder();
    write(sb, value);
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void write(StringBuilder sb, Object v) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof Raw r) {
      sb.append(r.json());
    } else if (v instanceof String s) {
      sb.append(quote(s));
    } else if (v instanceof Number || v instanceof Boolean) {
      sb.append(v);
    } else if (v instanceof Map<?, ?> m) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        sb.append(first ? "" : ",").append(quote(String.valueOf(e.getKey()))).append(':');
        write(sb, e.getValue());
        first = false;
      }
      sb.append('}');
    } else if (v instanceof List<?> l) {
      sb.append('[');
      for (int i = 0; i < l.size(); i++) {
        sb.append(i == 0 ? "" : ",");
        write(sb, l.get(i));
      }
      sb.append(']');
    } else {
      throw new IllegalArgumentException(String.valueOf(v));
    }
  }

  private static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  private static String shorten(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }
}
