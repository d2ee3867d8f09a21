package cn.xinsheng.ledger.domain;

/**
 * How the monthly base of 100 points is split over the three parts; a prison's setting, 35 / 35 /
 * 30 by default. Each part's bonus is capped at a share of its own base.
 */
public record PartSplit(int supervision, int education, int labour) {

  public static final PartSplit DEFAULT = new PartSplit(35, 35, 30);
  public static final int MONTHLY_BASE = 100;

  public PartSplit {
    if (supervision < 0 || education < 0 || labour < 0) {
      throw new IllegalArgumentException("a part's base is not negative");
    }
    if (supervision + education + labour != MONTHLY_BASE) {
      throw new IllegalArgumentException("the three parts add up to 100");
    }
  }

  /** "35,35,30". */
  public static PartSplit parse(String text) {
    String[] parts = text == null ? new String[0] : text.split(",");
    if (parts.length != 3) {
      throw new IllegalArgumentException("a split is three numbers, e.g. 35,35,30");
    }
    try {
      return new PartSplit(
          Integer.parseInt(parts[0].strip()),
          Integer.parseInt(parts[1].strip()),
          Integer.parseInt(parts[2].strip()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("a split is three numbers, e.g. 35,35,30", e);
    }
  }

  public Points base(AssessmentPart part) {
    return switch (part) {
      case SUPERVISION -> Points.of(supervision);
      case EDUCATION -> Points.of(education);
      case LABOUR -> Points.of(labour);
      default -> throw new IllegalArgumentException(part + " has no base");
    };
  }

  @Override
  public String toString() {
    return supervision + "," + education + "," + labour;
  }
}
