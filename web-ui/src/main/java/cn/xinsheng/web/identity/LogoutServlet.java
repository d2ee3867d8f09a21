package cn.xinsheng.web.identity;

import cn.xinsheng.identity.application.AccountService;
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

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp)
      throws ServletException, IOException {
    doPost(req, resp);
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp)
      throws ServletException, IOException {
    endSession(req, accountService);
    resp.sendRedirect(req.getContextPath() + "/login.xhtml?bye=true");
  }

  /** Records the logout, ends the login and drops the session: shared by page, servlet and API. */
  public static void endSession(HttpServletRequest req, AccountService accountService)
      throws ServletException {
    if (req.getUserPrincipal() != null) {
      accountService.recordLogout(req.getUserPrincipal().getName());
    }
    req.logout();
    HttpSession session = req.getSession(false);
    if (session != null) {
      session.invalidate();
    }
  }
}
