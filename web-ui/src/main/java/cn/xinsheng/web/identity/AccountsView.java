package cn.xinsheng.web.identity;

import cn.xinsheng.identity.application.AccountAdministration;
import cn.xinsheng.identity.application.AccountAdministrationException;
import cn.xinsheng.identity.application.IdentitySettings;
import cn.xinsheng.identity.domain.Account;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.organisation.application.OrganisationQueries;
import cn.xinsheng.organisation.domain.Section;
import cn.xinsheng.web.shell.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.primefaces.PrimeFaces;

/** The administrator's account screen: create, change roles and sections, lock state. */
@Named
@ViewScoped
public class AccountsView implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient AccountAdministration administration;
  @Inject transient OrganisationQueries organisation;
  @Inject transient IdentitySettings settings;
  @Inject transient java.time.Clock clock;
  @Inject transient cn.xinsheng.identity.application.PasswordSlips slips;

  private List<Account> accounts;
  private List<Account> filtered;
  private List<Section> sections;

  private Long editingId;
  private String username;
  private String displayName;
  private List<Role> selectedRoles = new ArrayList<>();
  private List<Long> selectedSections = new ArrayList<>();
  private String shownPassword;
  // whose initial password the dialog shows, for its slip (issue 18, item 9)
  private String slipUsername;
  private String slipDisplayName;

  public List<Account> getAccounts() {
    if (accounts == null) {
      accounts = administration.accounts();
    }
    return accounts;
  }

  private List<?> staffAccounts;

  /**
   * The staff only, for the sections page's table of who serves where (the outside walk: inmates'
   * terminal accounts were listed as if they were staff); the application decides who is staff.
   */
  public List<?> getStaffAccounts() {
    if (staffAccounts == null) {
      staffAccounts = administration.staffAccounts();
    }
    return staffAccounts;
  }

  public long getLockedCount() {
    return getAccounts().stream().filter(this::isLocked).count();
  }

  public long getDisabledCount() {
    return getAccounts().stream().filter(a -> !a.isEnabled()).count();
  }

  public boolean isLocked(Account account) {
    return administration.isLocked(account);
  }

  public List<Section> getAllSections() {
    if (sections == null) {
      sections = organisation.allSections();
    }
    return sections;
  }

  public List<Role> getAllRoles() {
    return Arrays.asList(Role.values());
  }

  public String sectionNames(Account account) {
    Map<Long, Section> byId =
        getAllSections().stream().collect(Collectors.toMap(Section::getId, Function.identity()));
    return account.getSectionIds().stream()
        .sorted()
        .map(byId::get)
        .filter(s -> s != null)
        .map(Section::getFullName)
        .collect(Collectors.joining(", "));
  }

  public void startCreate() {
    editingId = null;
    username = null;
    displayName = null;
    selectedRoles = new ArrayList<>();
    selectedSections = new ArrayList<>();
  }

  public void startEdit(Account account) {
    editingId = account.getId();
    username = account.getUsername();
    displayName = account.getDisplayName();
    selectedRoles = new ArrayList<>(account.getRoles());
    selectedSections = new ArrayList<>(account.getSectionIds());
  }

  public void save() {
    Set<Role> roles = selectedRoles.isEmpty() ? Set.of() : EnumSet.copyOf(selectedRoles);
    Set<Long> sectionIds = new HashSet<>(selectedSections);
    try {
      if (editingId == null) {
        shownPassword =
            administration.createAccount(
                username == null ? null : username.strip(), displayName, roles, sectionIds);
        slipUsername = username.strip();
        slipDisplayName = displayName;
        PrimeFaces.current().ajax().addCallbackParam("newPassword", true);
        Messages.info("admin.created");
      } else {
        // sections first when roles lose the officer role would be refused; order by intent
        if (roles.stream().anyMatch(Role::isSectionScoped)) {
          administration.changeRoles(editingId, roles);
          administration.assignSections(editingId, sectionIds);
        } else {
          administration.assignSections(editingId, Set.of());
          administration.changeRoles(editingId, roles);
        }
        Messages.info("admin.saved");
      }
      PrimeFaces.current().ajax().addCallbackParam("saved", true);
      accounts = null;
    } catch (AccountAdministrationException e) {
      Messages.error(e.messageKey());
      PrimeFaces.current().ajax().addCallbackParam("saved", false);
    }
  }

  public void disable(Account account) {
    act(() -> administration.disable(account.getId()), "admin.disabled");
  }

  public void enable(Account account) {
    act(() -> administration.enable(account.getId()), "admin.enabled");
  }

  public void unlock(Account account) {
    act(() -> administration.unlock(account.getId()), "admin.unlocked");
  }

  public void resetPassword(Account account) {
    act(() -> shownPassword = administration.resetPassword(account.getId()), "admin.reset");
  }

  /**
   * The initial-password slip as a PDF, sent in place of the page (a non-Ajax request from the
   * dialog): the browser shows or saves it, the dialog stays as it was.
   */
  public void downloadSlip() throws java.io.IOException {
    byte[] pdf;
    try {
      pdf = slips.pdf(slipUsername, shownPassword);
    } catch (AccountAdministrationException e) {
      Messages.error(e.messageKey());
      return;
    }
    jakarta.faces.context.FacesContext faces =
        jakarta.faces.context.FacesContext.getCurrentInstance();
    jakarta.faces.context.ExternalContext ext = faces.getExternalContext();
    ext.responseReset();
    ext.setResponseContentType("application/pdf");
    ext.setResponseContentLength(pdf.length);
    ext.setResponseHeader(
        "Content-Disposition", "attachment; filename=\"password-slip-" + slipUsername + ".pdf\"");
    ext.setResponseHeader("Cache-Control", "no-store");
    try (java.io.OutputStream out = ext.getResponseOutputStream()) {
      out.write(pdf);
    }
    faces.responseComplete();
  }

  public String getSlipUsername() {
    return slipUsername;
  }

  /** Whose password is reset: set by the page from the row (the view reads no account itself). */
  public void setSlipUsername(String slipUsername) {
    this.slipUsername = slipUsername;
  }

  public void setSlipDisplayName(String slipDisplayName) {
    this.slipDisplayName = slipDisplayName;
  }

  public String getSlipDisplayName() {
    return slipDisplayName;
  }

  private void act(Runnable action, String doneKey) {
    try {
      action.run();
      Messages.info(doneKey);
    } catch (AccountAdministrationException e) {
      Messages.error(e.messageKey());
    }
    accounts = null;
  }

  public boolean isEditing() {
    return editingId != null;
  }

  public List<Account> getFiltered() {
    return filtered;
  }

  public void setFiltered(List<Account> filtered) {
    this.filtered = filtered;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public List<Role> getSelectedRoles() {
    return selectedRoles;
  }

  public void setSelectedRoles(List<Role> selectedRoles) {
    this.selectedRoles = selectedRoles == null ? new ArrayList<>() : selectedRoles;
  }

  public List<Long> getSelectedSections() {
    return selectedSections;
  }

  public void setSelectedSections(List<Long> selectedSections) {
    this.selectedSections = selectedSections == null ? new ArrayList<>() : selectedSections;
  }

  public String getShownPassword() {
    return shownPassword;
  }
}
