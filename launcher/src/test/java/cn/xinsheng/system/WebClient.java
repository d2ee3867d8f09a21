package cn.xinsheng.system;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** One browser-less user: a cookie jar and no automatic redirects, so tests see every 302. */
final class WebClient {
  private final HttpClient http;
  private final String base;

  WebClient(String base) {
    this.base = base;
    this.http =
        HttpClient.newBuilder()
            // HTTP/1.1 as the terminals' browsers speak it: the JDK client's cleartext HTTP/2
            // upgrade
            // now and then trips over the server's answer ("zero streamId for DataFrame")
            .version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  HttpResponse<String> postJson(String path, String json) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  HttpResponse<String> postText(String path, String text) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "text/plain; charset=UTF-8")
            .POST(HttpRequest.BodyPublishers.ofString(text)));
  }

  /** A download (an export, a file) saved to a path; answers the status. */
  int download(String path, java.nio.file.Path to) {
    try {
      // BodyHandlers.ofFile writes over an existing file without truncating it
      java.nio.file.Files.deleteIfExists(to);
      return http.send(
              HttpRequest.newBuilder(URI.create(base + path))
                  .timeout(Duration.ofSeconds(60))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofFile(to))
          .statusCode();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<String> delete(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
  }

  HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(
          request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<String> login(String username, String password) {
    return postJson(
        "/api/v1/session", "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
  }
}
