package cn.xinsheng.web.shell;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.io.IOException;
import java.util.Iterator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Unexpected failures get a reference (issue 18). A full-page request is left to the container's
 * error page ({@code /error.xhtml}), which shows the reference logged here; an Ajax request (a
 * button, an upload) is answered with a redirect to that page with its reference, instead of
 * PrimeFaces sending the browser to the error page's path inside WEB-INF, which answered "页面不存在".
 * An expired view in an Ajax request reloads the page.
 */
public class ReferencedExceptionHandler extends ExceptionHandlerWrapper {

  private static final Logger LOG = Logger.getLogger(ReferencedExceptionHandler.class.getName());

  public ReferencedExceptionHandler(ExceptionHandler wrapped) {
    super(wrapped);
  }

  @Override
  public void handle() throws FacesException {
    FacesContext context = FacesContext.getCurrentInstance();
    Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
    while (events.hasNext()) {
      Throwable failure = events.next().getContext().getException();
      ExternalContext external = context.getExternalContext();
      boolean ajax = context.getPartialViewContext().isAjaxRequest();
      if (find(failure, ViewExpiredException.class)) {
        if (ajax) {
          events.remove();
          redirect(context, external.getRequestContextPath() + "/index.xhtml");
        }
        continue;
      }
      String reference = ErrorView.newReference();
      external.getRequestMap().put(ErrorView.REFERENCE, reference);
      LOG.log(
          Level.SEVERE,
          "unexpected error, reference "
              + reference
              + " on "
              + (context.getViewRoot() == null ? "?" : context.getViewRoot().getViewId()),
          failure);
      if (ajax) {
        events.remove();
        redirect(context, external.getRequestContextPath() + "/error.xhtml?ref=" + reference);
      }
    }
    getWrapped().handle();
  }

  private static void redirect(FacesContext context, String url) {
    try {
      ExternalContext external = context.getExternalContext();
      if (!external.isResponseCommitted()) {
        external.responseReset();
      }
      external.redirect(url);
      context.responseComplete();
    } catch (IOException | IllegalStateException e) {
      LOG.log(Level.WARNING, "could not send the error page", e);
    }
  }

  private static boolean find(Throwable t, Class<? extends Throwable> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return true;
      }
    }
    return false;
  }

  /** Registered in faces-config.xml. */
  public static class Factory extends ExceptionHandlerFactory {
    public Factory(ExceptionHandlerFactory wrapped) {
      super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
      return new ReferencedExceptionHandler(getWrapped().getExceptionHandler());
    }
  }
}
