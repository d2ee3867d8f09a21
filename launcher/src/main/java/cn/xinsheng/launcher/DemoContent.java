package cn.xinsheng.launcher;

import cn.xinsheng.audit.NoteKey;
import cn.xinsheng.content.ContentPackage;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Properties;

/**
 * The demo courses of {@code start-dev}: three content packages (an open-university accounting
 * course, admission education, release education with a SCORM 1.2 module) and the standard scenario
 * package (the ten release-readiness simulations, {@link StandardScenarios}) that ship in the
 * launcher as folders, are packed and signed at the first start with a demo publisher key kept in
 * {@code data/secrets}, and go in through the platform's own API as an administrator and the
 * education office would bring them: the key trusted, the packages imported, a cohort enrolled.
 */
final class DemoContent {

  static final List<String> PACKAGES = List.of("accounting", "admission", "release");
  static final String PUBLISHER = "publisher.xinsheng-demo";
  private static final String PASSWORD = DemoData.PASSWORD;
  static final List<String> LEARNERS =
      List.of("3301000001", "3301000002", "3301000003", "3301000004", "3301000005");

  private DemoContent() {}

  /** Imports what is not there yet; returns a line for the console. */
  static String ensure(String baseUrl, Path dataDir) throws IOException, InterruptedException {
    NoteKey key = publisherKey(dataDir.resolve("secrets"));
    DemoSession admin = DemoSession.login(baseUrl, "sysadmin1");
    HttpResponse<String> trust =
        admin.post(
            "/api/v1/lms/publishers",
            "application/json",
            ("{\"verifierKey\":\""
                    + key.verifierKey()
                    + "\",\"description\":\"演示内容发布者（start-dev）/ demo content publisher\"}")
                .getBytes(StandardCharsets.UTF_8));
    if (trust.statusCode() != 201 && trust.statusCode() != 409) {
      throw new IOException(
          "trusting the demo publisher: " + trust.statusCode() + " " + trust.body());
    }
    DemoSession office = DemoSession.login(baseUrl, "eduadmin1");
    int imported = 0;
    Path work = Files.createTempDirectory("xinsheng-demo-content-");
    try {
      for (String name : PACKAGES) {
        Properties p = new Properties();
        try (InputStream in = resource(name + "/package.properties")) {
          p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Path folder = work.resolve(name);
        String index =
            new String(resource(name + "/index.txt").readAllBytes(), StandardCharsets.UTF_8);
        for (String file :
            new java.io.BufferedReader(new StringReader(index))
                .lines()
                .filter(l -> !l.isBlank())
                .toList()) {
          Path target = folder.resolve(file);
          Files.createDirectories(target.getParent());
          try (InputStream in = resource(name + "/" + file)) {
            Files.copy(in, target);
          }
        }
        Path zip = work.resolve(name + ".zip");
        ContentPackage.pack(
            folder,
            p.getProperty("id"),
            Long.parseLong(p.getProperty("version")),
            p.getProperty("title"),
            p.getProperty("publisher"),
            key,
            zip);
        HttpResponse<String> r =
            office.post("/api/v1/lms/packages", "application/zip", Files.readAllBytes(zip));
        if (r.statusCode() == 201) {
          imported++;
        } else if (r.statusCode() != 409) {
          throw new IOException("importing " + name + ": " + r.statusCode() + " " + r.body());
        }
      }
      // issue 20: the ten standard simulations are a signed scenario package like any other, taken
      // through the same import as a publisher's (the bundle's copy is signed with the standard
      // key by build-bundle.sh; here the demo key signs it); 409: this version is there already
      StandardScenarios.Meta meta = StandardScenarios.meta();
      Path scenarios = work.resolve("standard-scenarios.zip");
      cn.xinsheng.readiness.infrastructure.ScenarioPackage.pack(
          StandardScenarios.folder(work.resolve("standard-scenarios")),
          meta.id(),
          meta.version(),
          meta.title(),
          meta.publisher(),
          key,
          scenarios);
      HttpResponse<String> r =
          office.post(
              "/api/v1/readiness/scenario-packages",
              "application/zip",
              Files.readAllBytes(scenarios));
      if (r.statusCode() == 201) {
        imported++;
      } else if (r.statusCode() != 409) {
        throw new IOException(
            "importing the standard scenarios: " + r.statusCode() + " " + r.body());
      }
    } catch (cn.xinsheng.content.ContentRefusal e) {
      throw new IOException(e.getMessage(), e);
    } finally {
      ContentPackage.deleteTree(work);
    }
    HttpResponse<String> cohorts = office.get("/api/v1/lms/cohorts");
    if (cohorts.statusCode() == 200 && cohorts.body().strip().equals("[]")) {
      String learners = String.join("\",\"", LEARNERS);
      for (String[] c :
          new String[][] {
            {"2026 秋季 会计学大专班", "OU-DZ-KJ"},
            {"2026 年第 11 批入监教育", "RJ-JY"},
            {"2026 年第 11 批出监教育", "CJ-JY"}
          }) {
        HttpResponse<String> r =
            office.post(
                "/api/v1/lms/cohorts",
                "application/json",
                ("{\"name\":\""
                        + c[0]
                        + "\",\"programme\":\""
                        + c[1]
                        + "\",\"teacher\":\"teacher1\",\"inmates\":[\""
                        + learners
                        + "\"]}")
                    .getBytes(StandardCharsets.UTF_8));
        if (r.statusCode() != 201) {
          throw new IOException("enrolling the demo cohort: " + r.statusCode() + " " + r.body());
        }
      }
    }
    return "演示课程 / demo courses: "
        + imported
        + " 个内容包已导入 / packages imported (signed by "
        + key.label()
        + "); inmate1–inmate5 enrolled, teacher1 teaches";
  }

  private static InputStream resource(String path) throws IOException {
    InputStream in = DemoContent.class.getResourceAsStream("/demo-content/" + path);
    if (in == null) {
      throw new IOException("demo content missing from the build: " + path);
    }
    return in;
  }

  /** The demo publisher's key, made once and kept readable by this user only. */
  static NoteKey publisherKey(Path secrets) throws IOException {
    Files.createDirectories(secrets);
    Path file = secrets.resolve("demo-publisher.key");
    if (Files.exists(file)) {
      return NoteKey.parsePrivateKeyText(Files.readString(file, StandardCharsets.UTF_8));
    }
    NoteKey key = NoteKey.generate(PUBLISHER);
    Files.writeString(file, key.privateKeyText(), StandardCharsets.UTF_8);
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not POSIX: the data folder's permissions apply
    }
    return key;
  }
}
