package cn.xinsheng.readiness.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A person's release plan: the items of the pathways with their deadlines counted from the release
 * date, and the appended updates. It is a fold: {@link #on(LocalDate)} answers where the plan
 * stands on a day, for the countdown, the checklist and the alerts.
 *
 * <p>The release date comes from the sentence record, so a ruling that reduces the sentence moves
 * every deadline with it; an item that was on time can become late.
 */
public final class ReleasePlan {

  /** Release education (出监教育) takes about the last three months (DOMAIN §4). */
  public static final int RELEASE_EDUCATION_MONTHS = 3;

  /** An item is due soon within this many days of its deadline. */
  public static final int DUE_SOON_DAYS = 14;

  private final LocalDate release;
  private final Optional<LocalDate> paroleRuling;
  private final List<PlanItem> items;
  private final List<ItemUpdate> updates;

  public ReleasePlan(LocalDate release, List<PlanItem> items, List<ItemUpdate> updates) {
    this(release, Optional.empty(), items, updates);
  }

  /**
   * A plan for a parolee whose ruling took effect on {@code paroleRuling}: items the law counts
   * from the ruling (reporting to community corrections) count from it.
   */
  public ReleasePlan(
      LocalDate release,
      Optional<LocalDate> paroleRuling,
      List<PlanItem> items,
      List<ItemUpdate> updates) {
    if (release == null || paroleRuling == null) {
      throw new IllegalArgumentException("a plan counts down to a release date");
    }
    this.release = release;
    this.paroleRuling = paroleRuling;
    this.items = List.copyOf(items);
    this.updates = List.copyOf(updates);
    for (ItemUpdate u : updates) {
      if (this.items.stream().noneMatch(i -> i.code().equals(u.item()))) {
        throw new ReadinessRefusal("plan.error.noItem", u.item());
      }
    }
  }

  /** The same plan with one more update appended. */
  public ReleasePlan with(ItemUpdate update) {
    List<ItemUpdate> more = new ArrayList<>(updates);
    more.add(update);
    return new ReleasePlan(release, paroleRuling, items, more);
  }

  /** The same plan counted down to another release date (a ruling moved it). */
  public ReleasePlan movedTo(LocalDate newRelease) {
    return new ReleasePlan(newRelease, paroleRuling, items, updates);
  }

  /** The same plan once the parole ruling's effective date is known. */
  public ReleasePlan paroledBy(LocalDate rulingEffective) {
    return new ReleasePlan(release, Optional.of(rulingEffective), items, updates);
  }

  public LocalDate release() {
    return release;
  }

  public List<ItemUpdate> updates() {
    return updates;
  }

  /** One item on a day: its status, deadline and evidence, and whether it is late or due soon. */
  public record ItemView(
      PlanItem item,
      LocalDate deadline,
      ItemStatus status,
      Optional<ItemUpdate> latest,
      boolean late,
      boolean dueSoon) {}

  /** The plan on a day. */
  public record PlanView(
      LocalDate today,
      LocalDate release,
      long daysToRelease,
      LocalDate releaseEducationFrom,
      boolean inReleaseEducation,
      List<ItemView> items,
      int settled,
      List<ItemView> alerts) {}

  public PlanView on(LocalDate today) {
    Map<String, ItemUpdate> latest = new HashMap<>();
    for (ItemUpdate u : updates) {
      latest.put(u.item(), u); // appended in order: the last one stands
    }
    List<ItemView> views = new ArrayList<>();
    int settled = 0;
    for (PlanItem i : items) {
      Optional<ItemUpdate> u = Optional.ofNullable(latest.get(i.code()));
      ItemStatus status = u.map(ItemUpdate::status).orElse(ItemStatus.OPEN);
      LocalDate deadline = i.deadline(release, paroleRuling);
      boolean late = !status.settled() && today.isAfter(deadline);
      boolean soon =
          !status.settled() && !late && !today.plusDays(DUE_SOON_DAYS).isBefore(deadline);
      settled += status.settled() ? 1 : 0;
      views.add(new ItemView(i, deadline, status, u, late, soon));
    }
    views.sort(Comparator.comparing(ItemView::deadline).thenComparing(v -> v.item().code()));
    List<ItemView> alerts = views.stream().filter(v -> v.late() || v.dueSoon()).toList();
    LocalDate educationFrom = release.minusMonths(RELEASE_EDUCATION_MONTHS);
    return new PlanView(
        today,
        release,
        ChronoUnit.DAYS.between(today, release),
        educationFrom,
        !today.isBefore(educationFrom) && !today.isAfter(release),
        views,
        settled,
        alerts);
  }
}
