package cn.xinsheng.web.security;

import jakarta.json.Json;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** Error bodies for the API: the message key, and the message in Chinese and in English. */
public final class ErrorMessages {
  private static final String BUNDLE = "cn.xinsheng.web.messages";

  private ErrorMessages() {}

  public static String text(String key, Locale locale, Object... args) {
    ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale);
    String pattern = bundle.containsKey(key) ? bundle.getString(key) : key;
    if (args.length == 0) {
      return pattern;
    }
    // an argument that is itself a message key (a step's or a role's name) is said in the language
    Object[] said = args.clone();
    for (int i = 0; i < said.length; i++) {
      if (said[i] instanceof String s && s.indexOf('.') > 0 && bundle.containsKey(s)) {
        said[i] = bundle.getString(s);
      }
    }
    return new MessageFormat(pattern, locale).format(said);
  }

  public static String json(String key, Object... args) {
    return Json.createObjectBuilder()
        .add("error", key)
        .add("message_zh", text(key, Locale.SIMPLIFIED_CHINESE, args))
        .add("message_en", text(key, Locale.ENGLISH, args))
        .build()
        .toString();
  }
}
