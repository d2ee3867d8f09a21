package cn.xinsheng.readiness.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Properties;

/**
 * A release-readiness input the rules refuse (a risk factor, an override, a labelled file, a plan
 * update): a message key the application turns into Chinese and English, and the factor, line or
 * field it concerns.
 */
public final class ReadinessRefusal extends RuntimeException {

  private final String key;
  private final String subject;

  public ReadinessRefusal(String key, String subject) {
    super(key + (subject == null ? "" : " (" + subject + ")"));
    this.key = key;
    this.subject = subject;
  }

  private static final Properties MESSAGES = load();

  private static Properties load() {
    Properties p = new Properties();
    try (InputStream in =
        ReadinessRefusal.class.getResourceAsStream(
            "/cn/xinsheng/readiness/readiness-messages.properties")) {
      if (in != null) {
        p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }

  /** The refusal in Chinese, with its subject. */
  public String zh() {
    return text("zh");
  }

  /** The refusal in English, with its subject. */
  public String en() {
    return text("en");
  }

  private String text(String language) {
    String pattern = MESSAGES.getProperty(key + "." + language, key + " {0}");
    return new MessageFormat(pattern.replace("'", "''")).format(new Object[] {subject});
  }

  public String key() {
    return key;
  }

  /** The factor code, CSV line or field the refusal is about; may be null. */
  public String subject() {
    return subject;
  }
}
