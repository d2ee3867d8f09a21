package cn.xinsheng.launcher;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A demo user logged in to the running platform's API: the demo loaders (content, music, exams,
 * release readiness, risk, the year of history) write through the same services and checks as the
 * people they stand in for, so the audit log holds what they did.
 */
final class DemoSession {

  private final HttpClient http;
  private final String base;

  private DemoSession(HttpClient http, String base) {
    this.http = http;
    this.base = base;
  }

  /** Logs in with the demo password; refused logins stop the loader with the status. */
  static DemoSession login(String base, String user) throws IOException, InterruptedException {
    DemoSession s =
        new DemoSession(
            HttpClient.newBuilder()
                // HTTP/1.1 as the terminals' browsers speak it: the JDK client's cleartext HTTP/2
                // upgrade now and then trips over the server's answer ("zero streamId for
                // DataFrame")
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(10))
                .build(),
            base);
    HttpResponse<String> r =
        s.post(
            "/api/v1/session",
            "{\"username\":\"" + user + "\",\"password\":\"" + DemoData.PASSWORD + "\"}");
    if (r.statusCode() != 200) {
      throw new IOException("demo login " + user + ": " + r.statusCode());
    }
    return s;
  }

  /** POSTs a JSON body. */
  HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
    return post(path, "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  /** POSTs a body of the given type (an upload: a package, a sheet, a piece of evidence). */
  HttpResponse<String> post(String path, String type, byte[] body)
      throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  private HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    // imports of packages and month computations take a while on a loaded machine
    return http.send(
        request.timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
