package cn.xinsheng.web.shell;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.ResourceBundle;

/** Adds messages from the bundle to the current page. */
public final class Messages {
  private Messages() {}

  public static String text(String key, Object... args) {
    FacesContext context = FacesContext.getCurrentInstance();
    ResourceBundle bundle = context.getApplication().getResourceBundle(context, "msg");
    String pattern = bundle.containsKey(key) ? bundle.getString(key) : key;
    return args.length == 0
        ? pattern
        : new java.text.MessageFormat(pattern, context.getViewRoot().getLocale()).format(args);
  }

  public static void error(String key, Object... args) {
    add(FacesMessage.SEVERITY_ERROR, key, args);
  }

  public static void info(String key, Object... args) {
    add(FacesMessage.SEVERITY_INFO, key, args);
  }

  /** A service's refusal, in the user's language. */
  public static void refused(cn.xinsheng.platform.Refusal refusal) {
    error(refusal.messageKey(), refusal.arguments());
  }

  private static void add(FacesMessage.Severity severity, String key, Object... args) {
    String text = text(key, args);
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, text));
  }
}
