package cn.xinsheng.web.shell;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Locale;

/** The language of this session: Chinese first, English on request. */
@Named
@SessionScoped
public class LocaleView implements Serializable {
  private static final long serialVersionUID = 1L;

  private Locale locale = Locale.SIMPLIFIED_CHINESE;

  public Locale getLocale() {
    return locale;
  }

  public String getLanguageTag() {
    return locale.toLanguageTag();
  }

  public boolean isChinese() {
    return "zh".equals(locale.getLanguage());
  }

  public String useChinese() {
    return use(Locale.SIMPLIFIED_CHINESE);
  }

  public String useEnglish() {
    return use(Locale.ENGLISH);
  }

  private String use(Locale newLocale) {
    this.locale = newLocale;
    FacesContext context = FacesContext.getCurrentInstance();
    context.getViewRoot().setLocale(newLocale);
    // reload the same page so every component renders in the new language
    return context.getViewRoot().getViewId() + "?faces-redirect=true&includeViewParams=true";
  }
}
