package cn.xinsheng.web.identity;

import cn.xinsheng.identity.application.AccountService;
import cn.xinsheng.identity.application.IdentitySettings;
import cn.xinsheng.identity.application.PasswordRejectedException;
import cn.xinsheng.web.security.CurrentUser;
import cn.xinsheng.web.shell.Messages;
import cn.xinsheng.web.shell.NavigationView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.text.MessageFormat;

/** A user changes his own password; the forced first change comes here too. */
@Named
@RequestScoped
public class PasswordView {

  @Inject AccountService accountService;
  @Inject IdentitySettings settings;
  @Inject CurrentUser currentUser;

  private String current;
  private String next;
  private String confirm;

  public String save() {
    if (next == null || !next.equals(confirm)) {
      Messages.error("password.rule.confirm");
      return null;
    }
    try {
      accountService.changeOwnPassword(current == null ? new char[0] : current.toCharArray(), next);
    } catch (PasswordRejectedException e) {
      e.messageKeys().forEach(Messages::error);
      return null;
    }
    currentUser.passwordChanged();
    Messages.info("password.changed");
    FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    return NavigationView.homeOf(currentUser.getPrimaryRole()) + "?faces-redirect=true";
  }

  public String getRulesText() {
    return MessageFormat.format(
        Messages.text("password.rules"), settings.passwordPolicy().minLength());
  }

  public String getCurrent() {
    return current;
  }

  public void setCurrent(String current) {
    this.current = current;
  }

  public String getNext() {
    return next;
  }

  public void setNext(String next) {
    this.next = next;
  }

  public String getConfirm() {
    return confirm;
  }

  public void setConfirm(String confirm) {
    this.confirm = confirm;
  }
}
