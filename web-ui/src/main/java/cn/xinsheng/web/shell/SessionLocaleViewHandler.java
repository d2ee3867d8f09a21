package cn.xinsheng.web.shell;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.context.FacesContext;
import java.util.Locale;

/**
 * Every view starts in the session's language (Chinese first, English on request), not the
 * browser's: a message added before the page's {@code <f:view locale>} applies (a refused ?id= in a
 * view action, a converter's) was said in English to a Chinese user whose browser asked for
 * English, or to anyone before the template ran.
 */
public class SessionLocaleViewHandler extends ViewHandlerWrapper {

  public SessionLocaleViewHandler(ViewHandler wrapped) {
    super(wrapped);
  }

  @Override
  public Locale calculateLocale(FacesContext context) {
    if (context.getExternalContext().getSession(false) == null) {
      // no session yet: the default language, never the browser's
      return Locale.SIMPLIFIED_CHINESE;
    }
    return CDI.current().select(LocaleView.class).get().getLocale();
  }
}
