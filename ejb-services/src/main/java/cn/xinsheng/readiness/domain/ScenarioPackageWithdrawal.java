package cn.xinsheng.readiness.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * The education office withdraws (retires) one imported version of a scenario package (issue 20): a
 * scenario found wrong after import must stop being played, but what learners already did with it
 * stays on record. A withdrawal is a new record pointing at the import, never a change to it, and
 * carries the reason a reviewer will ask for.
 *
 * <p>What it does to play: a package's scenarios are in force from its newest version; when that
 * version is withdrawn the package offers nothing at all. An older version does not come back (a
 * withdrawal is not a rollback: the office chose to stop, not to go back), and a newer version may
 * be imported later and plays again. Withdrawing a version already superseded changes nothing in
 * play; it is recorded all the same.
 */
public record ScenarioPackageWithdrawal(
    String packageId, long version, String reason, String withdrawnBy, Instant withdrawnAt) {

  /** The shortest reason the rules accept: a few words, not a tick ("内容有误" is four). */
  public static final int MIN_REASON = 4;

  public static final int MAX_REASON = 500;

  public ScenarioPackageWithdrawal {
    String r = reason == null ? "" : reason.strip();
    int length = r.codePointCount(0, r.length());
    if (length < MIN_REASON || length > MAX_REASON) {
      throw new ReadinessRefusal("scenario.error.withdrawReason", "reason");
    }
    reason = r;
    if (withdrawnBy == null || withdrawnBy.isBlank() || withdrawnAt == null) {
      throw new ReadinessRefusal("scenario.error.withdrawWho", "withdrawnBy");
    }
  }

  /** Why a withdrawal is refused; the application words it in Chinese and English. */
  public sealed interface Conflict {}

  /** No such version was ever imported. */
  public record NotImported(String packageId, long version) implements Conflict {}

  /** This version is withdrawn already; a withdrawal is recorded once. */
  public record AlreadyWithdrawn(String packageId, long version, String by, Instant at)
      implements Conflict {}

  /**
   * Whether this withdrawal may be recorded, given the versions imported (as {@link
   * ScenarioPackageRule.ImportedVersion}) and the withdrawals already recorded.
   */
  public Optional<Conflict> check(
      Collection<ScenarioPackageRule.ImportedVersion> imported,
      Collection<ScenarioPackageWithdrawal> withdrawn) {
    boolean known =
        imported.stream().anyMatch(v -> v.packageId().equals(packageId) && v.version() == version);
    if (!known) {
      return Optional.of(new NotImported(packageId, version));
    }
    return withdrawn.stream()
        .filter(w -> w.packageId().equals(packageId) && w.version() == version)
        .findFirst()
        .map(w -> new AlreadyWithdrawn(packageId, version, w.withdrawnBy(), w.withdrawnAt()));
  }
}
