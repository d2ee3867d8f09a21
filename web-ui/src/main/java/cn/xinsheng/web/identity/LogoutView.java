package cn.xinsheng.web.identity;

import cn.xinsheng.identity.application.AccountService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/** Logs out from the page header (a POST, so no other site can log a user out by a link). */
@Named
@RequestScoped
public class LogoutView {

  @Inject AccountService accountService;
  @Inject cn.xinsheng.lms.application.ScormService scorm;

  public void logout() throws IOException, ServletException {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    LogoutServlet.endSession((HttpServletRequest) external.getRequest(), accountService, scorm);
    external.redirect(external.getRequestContextPath() + "/login.xhtml?bye=true");
  }
}
