package cn.xinsheng.web.organisation;

import cn.xinsheng.organisation.application.InmateDirectory;
import cn.xinsheng.organisation.application.OrganisationQueries;
import cn.xinsheng.web.shell.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The inmate picker every screen that chooses an inmate shares (issue 18, item 5: inmates by name
 * or number, wherever one is chosen): the screen's autocomplete offers "姓名（编号）" for what was typed,
 * from the application's scoped query, so an officer is offered his sections' inmates only; the
 * screen reads the number back from the chosen line. A number typed whole still works, and a link
 * naming an inmate ({@code ?inmate=}) fills the picker with his line.
 */
@Named
@RequestScoped
public class InmatePicker {

  /** The number at the end of a picker line: "张三（3301000011）" or "Zhang San (3301000011)". */
  private static final Pattern LINE = Pattern.compile(".*[（(]\\s*([0-9A-Za-z]{1,20})\\s*[）)]\\s*$");

  @Inject OrganisationQueries organisation;

  /** The lines of the inmates the caller may choose whose number or name contains the text. */
  public List<String> complete(String typed) {
    return lines(organisation.inmatesToChoose(typed));
  }

  /** The picker's line for an inmate. */
  public static String line(InmateDirectory.Named inmate) {
    return Messages.text("picker.inmate.label", inmate.name(), inmate.prisonerNumber());
  }

  public static List<String> lines(List<InmateDirectory.Named> inmates) {
    return inmates.stream().map(InmatePicker::line).toList();
  }

  /**
   * The prisoner number a picker's value names: the number in a chosen line's brackets, or what was
   * typed (a number typed whole); empty for nothing. A text naming nobody is handed on as typed, so
   * the service refuses it in words ("no such inmate") rather than the screen guessing.
   */
  public static String numberOf(String value) {
    if (value == null) {
      return "";
    }
    String v = value.strip();
    Matcher m = LINE.matcher(v);
    return m.matches() ? m.group(1) : v;
  }

  /**
   * The inmate a picker's value names among those the screen offers, if any. {@code offered} is the
   * screen's own query (the one its autocomplete asks), asked for the value's number: an officer's
   * screen offers his sections' inmates, the music upload the learners the uploader serves, so
   * "nobody" means nobody this caller may choose here.
   */
  public static Optional<InmateDirectory.Named> chosen(
      String value, Function<String, List<InmateDirectory.Named>> offered) {
    String n = numberOf(value);
    if (n.isEmpty()) {
      return Optional.empty();
    }
    return offered.apply(n).stream().filter(i -> i.prisonerNumber().equals(n)).findFirst();
  }

  /**
   * Whether the picker holds something (typed, or from a link) that names nobody the screen offers,
   * which the screen must say (issue 18 walk: a number naming nobody left the page silent). An
   * empty picker names nobody too, but is not this: it is asked for when the screen needs an
   * inmate.
   */
  public static boolean namesNobody(
      String value, Function<String, List<InmateDirectory.Named>> offered) {
    return !numberOf(value).isEmpty() && chosen(value, offered).isEmpty();
  }

  /** As {@link #namesNobody(String, Function)} among the inmates the caller may choose anywhere. */
  public boolean namesNobody(String value) {
    return namesNobody(value, organisation::inmatesToChoose);
  }

  /**
   * The picker's line for the inmate a link names, if the screen offers him; otherwise the number
   * as given, for the screen to say that it names nobody.
   */
  public static String lineOf(
      String number, Function<String, List<InmateDirectory.Named>> offered) {
    return chosen(number, offered).map(InmatePicker::line).orElse(numberOf(number));
  }

  /** As {@link #lineOf(String, Function)} among the inmates the caller may choose anywhere. */
  public String lineOf(String number) {
    return lineOf(number, organisation::inmatesToChoose);
  }

  /** The request's parameter of this name (a deep link), or null. */
  public static String parameter(String name) {
    String v =
        FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get(name);
    return v == null || v.isBlank() ? null : v.strip();
  }
}
