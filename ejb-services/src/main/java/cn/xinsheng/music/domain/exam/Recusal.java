package cn.xinsheng.music.domain.exam;

import java.util.ArrayList;
import java.util.List;

/**
 * Why an examiner may not sit on a candidate's panel: an examiner who knows the candidate cannot
 * judge him impartially (DOMAIN §5: "recusal when an examiner knows the candidate"). The reasons
 * are facts the platform knows: he taught him (an LMS cohort), he works in the candidate's section,
 * or he declared a conflict himself.
 */
public final class Recusal {

  public enum Reason {
    TAUGHT("曾任该考生的教师", "taught the candidate"),
    SAME_SECTION("在考生所在监区工作", "works in the candidate's section"),
    DECLARED("本人申报利益冲突", "declared a conflict");

    private final String zh;
    private final String en;

    Reason(String zh, String en) {
      this.zh = zh;
      this.en = en;
    }

    public String zh() {
      return zh;
    }

    public String en() {
      return en;
    }
  }

  /** What the platform knows about one examiner and one candidate. */
  public record Facts(boolean taught, boolean sameSection, boolean declared) {}

  private Recusal() {}

  /** Every reason that keeps this examiner off this candidate's panel; empty when none. */
  public static List<Reason> reasons(Facts f) {
    List<Reason> out = new ArrayList<>();
    if (f.taught()) {
      out.add(Reason.TAUGHT);
    }
    if (f.sameSection()) {
      out.add(Reason.SAME_SECTION);
    }
    if (f.declared()) {
      out.add(Reason.DECLARED);
    }
    return out;
  }
}
