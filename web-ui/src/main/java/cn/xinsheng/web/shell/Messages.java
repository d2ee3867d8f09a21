package cn.xinsheng.web.shell;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.ResourceBundle;

/** Adds messages from the bundle to the current page. */
public final class Messages {
  private Messages() {}

  public static String text(String key) {
    FacesContext context = FacesContext.getCurrentInstance();
    ResourceBundle bundle = context.getApplication().getResourceBundle(context, "msg");
    return bundle.containsKey(key) ? bundle.getString(key) : key;
  }

  public static void error(String key) {
    add(FacesMessage.SEVERITY_ERROR, key);
  }

  public static void info(String key) {
    add(FacesMessage.SEVERITY_INFO, key);
  }

  private static void add(FacesMessage.Severity severity, String key) {
    String text = text(key);
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, text));
  }
}
