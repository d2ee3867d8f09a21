package cn.xinsheng.web.ledger;

import cn.xinsheng.web.shell.Messages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An external reader's finding on a case as a person reads it (the outside walk): the objection's
 * stored text begins with the record it is about as the audit log names it ("[case/1] 请说明…"); the
 * screens say that record in words ("整个案件 JX-2026-0001") and never show the internal reference. The
 * stored text itself stays as signed.
 */
@Named
@ApplicationScoped
public class FindingWords {

  private static final Pattern ABOUT =
      Pattern.compile("^\\[([a-z][a-z-]*)/([0-9]{1,18})\\]\\s*(.*)$", Pattern.DOTALL);

  /** The record a finding names at the start of its text, and the text after it. */
  public record About(String kind, long id, String rest) {}

  public static Optional<About> split(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = ABOUT.matcher(text);
    return m.matches()
        ? Optional.of(new About(m.group(1), Long.parseLong(m.group(2)), m.group(3)))
        : Optional.empty();
  }

  /**
   * The objection's text for a screen: a finding's record in words before what the reader wrote;
   * any other text as it is. {@code caseNumber} is the case's number the list already shows.
   */
  public String text(String text, String caseNumber) {
    Optional<About> about = split(text);
    if (about.isEmpty()) {
      return text == null ? "" : text;
    }
    About a = about.get();
    String what =
        switch (a.kind()) {
          case "case" ->
              Messages.text("case.finding.wholeCase")
                  + (caseNumber == null ? "" : " " + caseNumber);
          case "point-entry" -> Messages.text("case.finding.entry") + " #" + a.id();
          case "case-event" -> Messages.text("objection.finding.caseEvent");
          default -> Messages.text("case.finding.item");
        };
    return Messages.text("objection.finding.about", what, a.rest());
  }
}
