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

  private MenuModel build() {
    FacesContext context = FacesContext.getCurrentInstance();
    ResourceBundle msg = context.getApplication().getResourceBundle(context, "msg");
    DefaultMenuModel model = new DefaultMenuModel();
    // one home entry per role the user holds, so a user with two roles reaches both homes
    for (Role role : currentUser.getRoles()) {
      model
          .getElements()
          .add(
              DefaultMenuItem.builder()
                  .id("menu-home-" + role.homeFolder())
                  .value(msg.getString("home." + role.homeFolder() + ".title"))
                  .icon("pi pi-home")
                  .outcome(homeOf(role))
                  .build());
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
