package cn.xinsheng.organisation.application;

import cn.xinsheng.identity.domain.Account;
import cn.xinsheng.identity.domain.AccountRepository;
import cn.xinsheng.organisation.domain.Inmate;
import cn.xinsheng.organisation.domain.InmateRepository;
import cn.xinsheng.organisation.domain.PrisonerNumber;
import cn.xinsheng.platform.Caller;
import cn.xinsheng.platform.Refusal;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;

/**
 * What the caller may reach in the organisation: the sections an officer or reviewer is assigned
 * to, the inmates in them, an inmate's own record. The other contexts' services ask here, so the
 * rule is written once. The caller's account is read once per request.
 */
@RequestScoped
public class CallerScope {

  private Account account;

  @Inject Caller caller;
  @Inject AccountRepository accounts;
  @Inject InmateRepository inmates;

  public Account account() {
    if (account == null) {
      account =
          accounts
              .findByUsername(caller.name())
              .orElseThrow(() -> Refusal.forbidden("error.forbidden"));
    }
    return account;
  }

  public Set<Long> sections() {
    return account().getSectionIds();
  }

  /** A section outside the caller's is as if it did not exist (404, not 403: nothing leaks). */
  public void requireSection(long sectionId) {
    if (!sections().contains(sectionId)) {
      throw Refusal.notFound("error.notYourSection");
    }
  }

  /** An inmate of the caller's sections; any other is as if he did not exist. */
  public Inmate inmateInMySections(String prisonerNumber) {
    Optional<Inmate> inmate;
    try {
      inmate = inmates.findByPrisonerNumber(new PrisonerNumber(prisonerNumber));
    } catch (IllegalArgumentException e) {
      inmate = Optional.empty();
    }
    Set<Long> mine = sections();
    return inmate
        .filter(i -> mine.contains(i.getSection().getId()))
        .orElseThrow(() -> Refusal.notFound("error.unknownInmate"));
  }

  /** The caller's own inmate record. */
  public Inmate ownInmate() {
    return inmates
        .findByAccount(account().getId())
        .orElseThrow(() -> Refusal.notFound("inmate.noRecord"));
  }

  public Optional<Inmate> inmate(String prisonerNumber) {
    try {
      return inmates.findByPrisonerNumber(new PrisonerNumber(prisonerNumber));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
