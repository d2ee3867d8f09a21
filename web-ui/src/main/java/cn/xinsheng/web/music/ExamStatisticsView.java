package cn.xinsheng.web.music;

import cn.xinsheng.music.application.exam.ExamQueries;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * Candidates and passes by year, instrument and level, as a table and a bar chart drawn here as SVG
 * (no script, nothing fetched: the LAN has no CDN and the pages run under a strict CSP).
 */
@Named
@RequestScoped
public class ExamStatisticsView {

  private static final int BAR = 18;
  private static final int GAP = 6;
  private static final int LABEL = 150;
  private static final int WIDTH = 420;

  @Inject ExamQueries queries;

  private List<ExamQueries.StatLine> lines;

  public List<ExamQueries.StatLine> getLines() {
    if (lines == null) {
      lines = queries.statistics();
    }
    return lines;
  }

  public String percent(ExamQueries.StatLine l) {
    return l.candidates() == 0
        ? "0"
        : String.valueOf(Math.round(100.0 * l.passes() / l.candidates()));
  }

  /** One pair of bars a line: candidates (light) and passes (dark), scaled to the largest. */
  public String getChart() {
    List<ExamQueries.StatLine> ls = getLines();
    int max = ls.stream().mapToInt(ExamQueries.StatLine::candidates).max().orElse(1);
    int height = Math.max(1, ls.size()) * (BAR + GAP) + GAP;
    StringBuilder svg =
        new StringBuilder(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\""
                + (LABEL + WIDTH + 60)
                + "\" height=\""
                + height
                + "\">");
    int y = GAP;
    for (ExamQueries.StatLine l : ls) {
      int all = (int) Math.round((double) WIDTH * l.candidates() / max);
      int passed = (int) Math.round((double) WIDTH * l.passes() / max);
      svg.append("<text x=\"0\" y=\"")
          .append(y + BAR - 5)
          .append("\" font-size=\"12\">")
          .append(Markup.escape(l.year() + " " + l.instrumentName() + " " + l.level()))
          .append("</text>");
      svg.append("<rect x=\"")
          .append(LABEL)
          .append("\" y=\"")
          .append(y)
          .append("\" width=\"")
          .append(all)
          .append("\" height=\"")
          .append(BAR)
          .append("\" fill=\"#b3cde0\"/>");
      svg.append("<rect x=\"")
          .append(LABEL)
          .append("\" y=\"")
          .append(y + 4)
          .append("\" width=\"")
          .append(passed)
          .append("\" height=\"")
          .append(BAR - 8)
          .append("\" fill=\"#03396c\"/>");
      svg.append("<text x=\"")
          .append(LABEL + all + 4)
          .append("\" y=\"")
          .append(y + BAR - 5)
          .append("\" font-size=\"12\">")
          .append(l.passes())
          .append(" / ")
          .append(l.candidates())
          .append("</text>");
      y += BAR + GAP;
    }
    return svg.append("</svg>").toString();
  }
}
