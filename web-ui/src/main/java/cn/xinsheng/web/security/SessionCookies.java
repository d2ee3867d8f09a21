package cn.xinsheng.web.security;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every cookie this server sets leaves with {@code SameSite=Strict}, and with {@code Secure} when
 * the request came over HTTPS (issue 14, finding 8). The probe found {@code JSESSIONID=…; Path=/;
 * HttpOnly} although web.xml asks for SameSite: the container writes its session cookie itself and
 * ignores that attribute. So the headers are mended on the response before its body starts, which
 * is before anything can be sent.
 */
final class SessionCookies extends HttpServletResponseWrapper {

  private final boolean secure;
  private boolean mended;

  SessionCookies(HttpServletResponse response, boolean secure) {
    super(response);
    this.secure = secure;
  }

  /** One Set-Cookie value with the attributes it lacks. */
  static String mend(String setCookie, boolean secure) {
    String lower = setCookie.toLowerCase(Locale.ROOT);
    StringBuilder sb = new StringBuilder(setCookie);
    if (!lower.contains("samesite=")) {
      sb.append("; SameSite=Strict");
    }
    if (secure && !attribute(lower, "secure")) {
      sb.append("; Secure");
    }
    return sb.toString();
  }

  private static boolean attribute(String lowerCookie, String name) {
    for (String part : lowerCookie.split(";")) {
      if (part.strip().equals(name)) {
        return true;
      }
    }
    return false;
  }

  /** Mends the Set-Cookie headers of a response that has not started its body yet. */
  static void mend(HttpServletResponse res, boolean secure) {
    if (res.isCommitted()) {
      return;
    }
    List<String> values = new ArrayList<>(res.getHeaders("Set-Cookie"));
    List<String> fixed = values.stream().map(v -> mend(v, secure)).toList();
    if (values.isEmpty() || fixed.equals(values)) {
      return;
    }
    res.setHeader("Set-Cookie", fixed.get(0));
    for (int i = 1; i < fixed.size(); i++) {
      res.addHeader("Set-Cookie", fixed.get(i));
    }
  }

  void mendNow() {
    mend((HttpServletResponse) getResponse(), secure);
  }

  private void beforeBody() {
    if (!mended) {
      mended = true;
      mendNow();
    }
  }

  @Override
  public ServletOutputStream getOutputStream() throws IOException {
    beforeBody();
    return super.getOutputStream();
  }

  @Override
  public PrintWriter getWriter() throws IOException {
    beforeBody();
    return super.getWriter();
  }

  @Override
  public void flushBuffer() throws IOException {
    mendNow();
    super.flushBuffer();
  }

  @Override
  public void sendRedirect(String location) throws IOException {
    mendNow();
    super.sendRedirect(location);
  }

  @Override
  public void sendError(int sc) throws IOException {
    mendNow();
    super.sendError(sc);
  }

  @Override
  public void sendError(int sc, String msg) throws IOException {
    mendNow();
    super.sendError(sc, msg);
  }
}
