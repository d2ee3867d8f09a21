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
    return new java.text.MessageFormat(pattern, context.getViewRoot().getLocale()).format(said);
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
    // the text once (issue 18): a growl or messages with showDetail said summary and detail, the
    // same words twice; an empty detail (not null, which FacesMessage answers with the summary)
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, ""));
  }
}
