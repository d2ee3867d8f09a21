package cn.xinsheng.launcher;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The installed service's readiness probe (issue 21): exit 0 when {@code /health/ready} answers UP
 * with the application's database check, 1 otherwise. The bundle's scripts use it so the host needs
 * no curl; it speaks HTTP/1.1 on loopback, where the platform answers health without the HTTPS
 * redirect.
 */
public final class HealthProbe {

  private HealthProbe() {}

  public static void main(String[] args) {
    System.exit(ready(args.length > 0 ? args[0] : "http://127.0.0.1:8080/health/ready") ? 0 : 1);
  }

  static boolean ready(String url) {
    try {
      HttpClient client =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(2))
              .build();
      HttpResponse<String> r =
          client.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
              HttpResponse.BodyHandlers.ofString());
      String body = r.body().replace(" ", "");
      return r.statusCode() == 200
          && body.startsWith("{\"status\":\"UP\"")
          && body.contains("\"name\":\"database\"");
    } catch (Exception e) {
      return false;
    }
  }
}
