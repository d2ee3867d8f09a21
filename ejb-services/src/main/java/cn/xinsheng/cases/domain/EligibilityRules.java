package cn.xinsheng.cases.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The eligibility rule table for reduction and parole, as data with a version ({@code
 * eligibility-rules.properties} beside this class), and what it says about one inmate on one day.
 * "On the day" counts: an inmate whose first reduction is "not before 1 year served" is eligible on
 * the day one year after his sentence began, not the day before.
 */
public final class EligibilityRules {

  /** One row of the table: a band of original terms. */
  public record Band(
      String name,
      int belowMonths,
      int firstWaitMonths,
      int maxMonths,
      Integer maxMonthsMajorMerit,
      int intervalMonths) {}

  public static final String RESOURCE = "eligibility-rules.properties";

  private final String version;
  private final List<Band> bands;
  private final int lifeFirstWaitMonths;
  private final int paroleLifeServedMonths;
  private final boolean majorMeritWaivesWaits;
  private final int propertyUnpaidReductionPercent;
  private final boolean propertyUnpaidBlocksParole;
  private final int nearMissDays;
  private final int postingDays;
  private final int strictPostingDays;

  private EligibilityRules(Properties p) {
    this.version = required(p, "version");
    List<Band> list = new ArrayList<>();
    for (String name : List.of("short", "middle", "long")) {
      String k = "band." + name + ".";
      String merit = p.getProperty(k + "max-months-major-merit");
      list.add(
          new Band(
              name,
              integer(p, k + "below-months"),
              integer(p, k + "first-wait-months"),
              integer(p, k + "max-months"),
              merit == null ? null : Integer.valueOf(merit.strip()),
              integer(p, k + "interval-months")));
    }
    for (int i = 1; i < list.size(); i++) {
      if (list.get(i).belowMonths() <= list.get(i - 1).belowMonths()) {
        throw new IllegalArgumentException("eligibility bands must rise: " + list.get(i).name());
      }
    }
    this.bands = List.copyOf(list);
    this.lifeFirstWaitMonths = integer(p, "life.first-wait-months");
    this.paroleLifeServedMonths = integer(p, "parole.life-served-months");
    this.majorMeritWaivesWaits = Boolean.parseBoolean(required(p, "major-merit.waives-waits"));
    this.propertyUnpaidReductionPercent = integer(p, "property-unpaid.reduction-percent");
    this.propertyUnpaidBlocksParole =
        Boolean.parseBoolean(required(p, "property-unpaid.blocks-parole"));
    this.nearMissDays = integer(p, "near-miss-days");
    this.postingDays = integer(p, "posting.working-days");
    this.strictPostingDays = integer(p, "posting.strict-working-days");
  }

  /** The table that ships with this version of Xinsheng. */
  public static EligibilityRules standard() {
    try (InputStream in = EligibilityRules.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the build");
      }
      return parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static EligibilityRules parse(InputStream in) throws IOException {
    Properties p = new Properties();
    p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    return new EligibilityRules(p);
  }

  private static String required(Properties p, String key) {
    String v = p.getProperty(key);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException("eligibility rules: " + key + " is missing");
    }
    return v.strip();
  }

  private static int integer(Properties p, String key) {
    try {
      int v = Integer.parseInt(required(p, key));
      if (v < 0) {
        throw new IllegalArgumentException("eligibility rules: " + key + " is negative");
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("eligibility rules: " + key + " is not a whole number");
    }
  }

  public String version() {
    return version;
  }

  public List<Band> bands() {
    return bands;
  }

  public int nearMissDays() {
    return nearMissDays;
  }

  /** Posting inside the prison, in working days: longer for strict cases and major merit. */
  public int postingWorkingDays(SentenceFacts facts) {
    return facts.strict() || facts.majorMerit() ? strictPostingDays : postingDays;
  }

  /** The court must hear the case (not decide on the papers) for these facts alone. */
  public boolean hearingRequired(SentenceFacts facts) {
    return facts.strict() || facts.majorMerit();
  }

  /** The band of an original fixed term; a life term (commuted or not) falls in the longest. */
  public Band bandFor(SentenceFacts facts) {
    if (facts.sentence().life()) {
      return bands.get(bands.size() - 1);
    }
    int months = facts.sentence().months();
    return bands.stream()
        .filter(b -> months < b.belowMonths())
        .findFirst()
        .orElse(bands.get(bands.size() - 1));
  }

  /** Both kinds, reduction first. */
  public List<Eligibility> assess(SentenceFacts facts, LocalDate asOf) {
    return List.of(reduction(facts, asOf), parole(facts, asOf));
  }

  public Eligibility reduction(SentenceFacts facts, LocalDate asOf) {
    if (ended(facts, asOf)) {
      return blocked(CaseKind.REDUCTION, "elig.ended", facts.currentEnd().toString());
    }
    Band band = bandFor(facts);
    LocalDate start = facts.sentence().start();
    LocalDate last = lastReduction(facts);
    String bandKey = "elig.band." + band.name();
    LocalDate eligibleOn;
    String key;
    Integer max;
    // the reason's arguments, in the order its message uses them
    List<String> args = new ArrayList<>();
    if (facts.sentence().life() && facts.commutedOn() == null) {
      // the first reduction of a life term commutes it to a fixed term: the court sets the term
      eligibleOn = start.plusMonths(lifeFirstWaitMonths);
      key = "elig.reduction.life";
      max = null;
    } else if (last == null) {
      eligibleOn = start.plusMonths(band.firstWaitMonths());
      key = "elig.reduction.first";
      max = band.maxMonths();
    } else {
      eligibleOn = last.plusMonths(band.intervalMonths());
      key = "elig.reduction.interval";
      max = band.maxMonths();
    }
    if (facts.majorMerit()) {
      if (majorMeritWaivesWaits && eligibleOn.isAfter(asOf)) {
        eligibleOn = asOf;
        key = "elig.reduction.majorMerit";
      }
      if (max != null && band.maxMonthsMajorMerit() != null) {
        max = band.maxMonthsMajorMerit();
      }
    }
    switch (key) {
      case "elig.reduction.life" -> args.add(Integer.toString(lifeFirstWaitMonths));
      case "elig.reduction.first" -> {
        args.add(bandKey);
        args.add(Integer.toString(band.firstWaitMonths()));
      }
      case "elig.reduction.interval" -> {
        args.add(bandKey);
        args.add(Integer.toString(band.intervalMonths()));
        args.add(last.toString());
      }
      default -> args.add(bandKey);
    }
    args.add(eligibleOn.toString());
    if (max != null) {
      if (facts.propertyUnpaid()) {
        // the share is rounded down: a rule that "reduces" must never round up to the full amount
        max = max * propertyUnpaidReductionPercent / 100;
        key = key + ".propertyUnpaid";
      }
      args.add(Integer.toString(max));
      if (facts.propertyUnpaid()) {
        args.add(Integer.toString(propertyUnpaidReductionPercent));
      }
    }
    if (max != null && max == 0) {
      return new Eligibility(
          CaseKind.REDUCTION, EligibilityOutcome.BLOCKED, null, 0, key, args, version);
    }
    return new Eligibility(
        CaseKind.REDUCTION, timing(eligibleOn, asOf), eligibleOn, max, key, args, version);
  }

  public Eligibility parole(SentenceFacts facts, LocalDate asOf) {
    if (ended(facts, asOf)) {
      return blocked(CaseKind.PAROLE, "elig.ended", facts.currentEnd().toString());
    }
    if (facts.propertyUnpaid() && propertyUnpaidBlocksParole) {
      return blocked(CaseKind.PAROLE, "elig.parole.propertyUnpaid");
    }
    LocalDate start = facts.sentence().start();
    LocalDate eligibleOn;
    String key;
    List<String> args = new ArrayList<>();
    if (facts.sentence().life()) {
      eligibleOn = start.plusMonths(paroleLifeServedMonths);
      key = "elig.parole.life";
      args.add(Integer.toString(paroleLifeServedMonths / 12));
    } else {
      // half of the term as imposed, in days: the day on which half has been served counts
      long days = ChronoUnit.DAYS.between(start, start.plusMonths(facts.sentence().months()));
      eligibleOn = start.plusDays((days + 1) / 2);
      key = "elig.parole.half";
      args.add(Integer.toString(facts.sentence().months()));
    }
    args.add(eligibleOn.toString());
    return new Eligibility(
        CaseKind.PAROLE, timing(eligibleOn, asOf), eligibleOn, null, key, args, version);
  }

  private EligibilityOutcome timing(LocalDate eligibleOn, LocalDate asOf) {
    if (!asOf.isBefore(eligibleOn)) {
      return EligibilityOutcome.ELIGIBLE;
    }
    return ChronoUnit.DAYS.between(asOf, eligibleOn) <= nearMissDays
        ? EligibilityOutcome.NEAR_MISS
        : EligibilityOutcome.NOT_YET;
  }

  private static boolean ended(SentenceFacts facts, LocalDate asOf) {
    return facts.currentEnd() != null && !asOf.isBefore(facts.currentEnd());
  }

  private static LocalDate lastReduction(SentenceFacts facts) {
    LocalDate last =
        facts.reductions().isEmpty() ? null : facts.reductions().get(facts.reductions().size() - 1);
    if (facts.commutedOn() != null && (last == null || facts.commutedOn().isAfter(last))) {
      last = facts.commutedOn();
    }
    return last;
  }

  private Eligibility blocked(CaseKind kind, String key, String... args) {
    return new Eligibility(
        kind, EligibilityOutcome.BLOCKED, null, null, key, List.of(args), version);
  }
}
