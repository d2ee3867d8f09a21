package cn.xinsheng.web.identity;

import cn.xinsheng.identity.application.AccountService;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.lms.application.ScormService;
import cn.xinsheng.platform.Refusal;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/** {@code /logout}: ends the session and returns to the login page. */
@WebServlet("/logout")
public class LogoutServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject AccountService accountService;
  @Inject ScormService scorm;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp)
      throws ServletException, IOException {
    doPost(req, resp);
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp)
      throws ServletException, IOException {
    endSession(req, accountService, scorm);
    resp.sendRedirect(req.getContextPath() + "/login.xhtml?bye=true");
  }

  /**
   * Records the logout, ends an inmate's courseware attempts, ends the login and drops the session:
   * shared by page, servlet and API.
   */
  public static void endSession(
      HttpServletRequest req, AccountService accountService, ScormService scorm)
      throws ServletException {
    if (req.getUserPrincipal() != null) {
      accountService.recordLogout(req.getUserPrincipal().getName());
    }
    if (req.isUserInRole(Role.INMATE_NAME)) {
      try {
        scorm.endMyAttempts();
      } catch (Refusal r) {
        // an inmate account without an inmate record has no attempts; the logout goes on
      }
    }
    req.logout();
    HttpSession session = req.getSession(false);
    if (session != null) {
      session.invalidate();
    }
  }
}
