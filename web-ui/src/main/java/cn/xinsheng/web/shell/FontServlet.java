package cn.xinsheng.web.shell;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;

/**
 * Serves the Chinese font the build ships (Noto Sans SC, SIL OFL) to the pages, for terminals whose
 * operating system has no CJK font. Browsers that have one use it instead (the style sheet asks for
 * local fonts first). From the platform itself: nothing is fetched from outside.
 */
@WebServlet(urlPatterns = "/fonts/NotoSansSC-Regular.ttf")
public class FontServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final String RESOURCE =
      "/cn/xinsheng/platform/fonts/400Regular/NotoSansSC_400Regular.ttf";

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    try (InputStream in = cn.xinsheng.platform.ChineseFont.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        res.sendError(HttpServletResponse.SC_NOT_FOUND);
        return;
      }
      res.setContentType("font/ttf");
      res.setHeader("Cache-Control", "public, max-age=31536000, immutable");
      // a font is fetched with CORS; courseware in its sandboxed frame has no origin (issue 17)
      res.setHeader("Access-Control-Allow-Origin", "*");
      in.transferTo(res.getOutputStream());
    }
  }
}
