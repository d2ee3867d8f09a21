package cn.xinsheng.web.shell;

import cn.xinsheng.ledger.application.PrisonCalendar;
import cn.xinsheng.platform.PlatformClock;
import cn.xinsheng.platform.Wording;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.Collection;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

/**
 * The one way a page says a moment, a deadline or a code to a person (issue 18): {@code
 * #{show.time(x)}} to the minute in the prison's zone, {@code #{show.seconds(x)}} where the second
 * matters (the audit page), {@code #{show.date(x)}} a day, {@code #{show.due(x)}} a deadline with
 * the working days left, {@code #{show.label('case.step', code)}} a code in the user's language
 * (the bundle's {@code kind.CODE}). The moment rules are {@link Wording}'s, the same the documents
 * use.
 */
@Named("show")
@RequestScoped
public class Show {

  @Inject PlatformClock clock;
  @Inject PrisonCalendar calendar;
  @Inject cn.xinsheng.identity.application.AccountService accounts;

  private final java.util.Map<String, String> people = new java.util.HashMap<>();

  /**
   * A member of staff or an external reader as a record a court reads names him: "褚明（committee1）";
   * the login alone when the account is unknown or the reader may not be told names.
   */
  public String person(String login) {
    if (login == null || login.isBlank()) {
      return "";
    }
    return people.computeIfAbsent(
        login,
        l -> {
          try {
            String name = accounts.staffNames(java.util.List.of(l)).get(l);
            return name == null || name.isBlank() || name.equals(l) ? l : name + "（" + l + "）";
          } catch (jakarta.ejb.EJBAccessException notForThisReader) {
            return l;
          }
        });
  }

  @Inject cn.xinsheng.evidence.application.EvidenceService evidence;

  private final java.util.Map<String, String> evidenceLabels = new java.util.HashMap<>();

  /**
   * A piece of evidence in words, its kind and file name ("照片 · 评比.png"), never its number; just
   * "证据" when the reader may not be told more.
   */
  public String evidence(Object id) {
    String key = id == null ? "" : id.toString().strip();
    return evidenceLabels.computeIfAbsent(
        key,
        k -> {
          if (!k.matches("[0-9]{1,18}")) {
            return Messages.text("ledger.evidence");
          }
          try {
            cn.xinsheng.evidence.application.EvidenceService.Described e =
                evidence.describe(Long.parseLong(k));
            return Messages.text("evidence.kind." + e.kind()) + " · " + e.name();
          } catch (cn.xinsheng.platform.Refusal | jakarta.ejb.EJBAccessException notShown) {
            return Messages.text("ledger.evidence");
          }
        });
  }

  /** People as a list, each by name with the login beside it ("张律（lawyer1）、…"). */
  public String people(java.util.Collection<String> logins) {
    if (logins == null || logins.isEmpty()) {
      return Wording.NONE;
    }
    return logins.stream().map(this::person).collect(Collectors.joining("、"));
  }

  private ResourceBundle bundle;

  public String time(Object moment) {
    return Wording.minutes(moment, clock.zone());
  }

  /** Now, to the minute in the prison's zone: when a printed page was made (issue 18, item 9). */
  public String getNow() {
    return Wording.minutes(clock.prisonTime().now(), clock.zone());
  }

  public String seconds(Object moment) {
    return Wording.seconds(moment, clock.zone());
  }

  public String date(Object moment) {
    return Wording.day(moment, clock.zone());
  }

  /** A deadline: its day and how many working days are left ("还有 3 个工作日"). */
  public String due(Object moment) {
    LocalDate day = Wording.toDay(moment, clock.zone());
    if (day == null) {
      return Wording.minutes(moment, clock.zone());
    }
    long left = calendar.workingDaysUntil(clock.prisonTime().today(), day);
    if (left > 0) {
      return Messages.text("show.due.left", day.toString(), left);
    }
    if (left == 0 && !day.isBefore(clock.prisonTime().today())) {
      return Messages.text("show.due.today", day.toString());
    }
    return Messages.text("show.due.over", day.toString(), Math.max(1, -left));
  }

  /**
   * A code in the user's language: the bundle's {@code kind.CODE}, the first of several kinds given
   * as {@code "case.vote,case.opinion"} that names it; the code itself if none does (which the
   * screen test then finds).
   */
  public String label(String kind, Object code) {
    if (code == null) {
      return Wording.NONE;
    }
    ResourceBundle b = bundle();
    for (String k : kind.split(",")) {
      String key = k.strip() + "." + code;
      if (b.containsKey(key)) {
        return b.getString(key);
      }
    }
    return String.valueOf(code);
  }

  /** Several codes of one kind, said and joined ("分监区民警、审核民警"). */
  public String labels(String kind, Collection<?> codes) {
    if (codes == null || codes.isEmpty()) {
      return Wording.NONE;
    }
    return codes.stream().map(c -> label(kind, c)).collect(Collectors.joining("、"));
  }

  /** A list said as a list ("甲、乙、丙"), not as Java prints it ("[甲, 乙, 丙]"). */
  public String joined(Collection<?> items) {
    if (items == null || items.isEmpty()) {
      return Wording.NONE;
    }
    return items.stream().map(String::valueOf).collect(Collectors.joining("、"));
  }

  /** A role's name ("分监区民警"), never the account behind it. */
  public String role(Object role) {
    return label("role", role);
  }

  private ResourceBundle bundle() {
    if (bundle == null) {
      FacesContext context = FacesContext.getCurrentInstance();
      bundle = context.getApplication().getResourceBundle(context, "msg");
    }
    return bundle;
  }
}
