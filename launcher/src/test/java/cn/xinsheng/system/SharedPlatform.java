package cn.xinsheng.system;

import java.time.Duration;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Owns the shared platform's life for the whole test run (issue 13): the first test class that
 * needs it starts it, and JUnit stops it after the last class of the run, by closing the resource
 * this extension keeps in the root context's store. So no class has to run last, and the order of
 * the classes does not matter. The stop is itself checked: SIGTERM ends start-dev with its
 * database, as an operator's Ctrl-C would; a failed stop fails the run.
 *
 * <p>Use {@code @ExtendWith(SharedPlatform.class)} on every class that talks to the platform, ahead
 * of any other extension (Arquillian's deployment needs the database up).
 */
public final class SharedPlatform implements BeforeAllCallback {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SharedPlatform.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(Started.class, k -> new Started(), Started.class);
  }

  /** The started platform; JUnit closes it once, when the run ends. */
  static final class Started implements ExtensionContext.Store.CloseableResource {

    Started() {
      RunningPlatform.ensureStarted();
    }

    @Override
    public void close() throws Exception {
      int code = RunningPlatform.stop(Duration.ofSeconds(90));
      // 143 = 128 + SIGTERM: the JVM's own exit code after running its shutdown hooks
      if (code != 0 && code != 143) {
        throw new AssertionError("start-dev ends by itself after SIGTERM, code " + code);
      }
      if (RunningPlatform.answers()) {
        throw new AssertionError("something still listens on the HTTP port after the stop");
      }
      try (var socket = new java.net.Socket()) {
        socket.connect(new java.net.InetSocketAddress("127.0.0.1", RunningPlatform.DB_PORT), 1000);
        throw new AssertionError("the embedded database still listens after the stop");
      } catch (java.io.IOException expected) {
        // refused: the database stopped with the launcher
      }
    }
  }
}
