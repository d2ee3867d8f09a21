package cn.xinsheng.web.security;

import jakarta.json.Json;
import java.util.Locale;
import java.util.ResourceBundle;

/** Error bodies for the API: the message key, and the message in Chinese and in English. */
public final class ErrorMessages {
  private static final String BUNDLE = "cn.xinsheng.web.messages";

  private ErrorMessages() {}

  public static String text(String key, Locale locale) {
    ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale);
    return bundle.containsKey(key) ? bundle.getString(key) : key;
  }

  public static String json(String key) {
    return Json.createObjectBuilder()
        .add("error", key)
        .add("message_zh", text(key, Locale.SIMPLIFIED_CHINESE))
        .add("message_en", text(key, Locale.ENGLISH))
        .build()
        .toString();
  }
}
