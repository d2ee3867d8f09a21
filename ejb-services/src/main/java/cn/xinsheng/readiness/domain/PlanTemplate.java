package cn.xinsheng.readiness.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The standard checklist a plan starts from at admission, one or more items per pathway, with
 * deadlines counted from the release date. A prison may add items; these are the ones every plan
 * holds.
 */
public final class PlanTemplate {

  private PlanTemplate() {}

  public static List<PlanItem> standard(boolean parole) {
    List<PlanItem> items = new ArrayList<>();
    items.add(
        new PlanItem(
            "ID_CARD",
            Pathway.IDENTITY_DOCUMENTS,
            "恢复户籍登记、补办居民身份证",
            "restore the household registration and re-issue the ID card",
            "狱政科",
            "records office",
            -60,
            PlanItem.Anchor.RELEASE,
            null));
    items.add(
        new PlanItem(
            "HOUSING",
            Pathway.HOUSING,
            "落实出狱后住所（家庭、安置基地或过渡性住所）",
            "settle where the person will live (family, resettlement base or transitional housing)",
            "监区民警、安置帮教机构",
            "section officer, resettlement agency",
            -30,
            PlanItem.Anchor.RELEASE,
            null));
    items.add(
        new PlanItem(
            "EMPLOYMENT",
            Pathway.EMPLOYMENT,
            "就业意向登记、技能证书整理与岗位推荐",
            "register job wishes, gather skill certificates, recommend openings",
            "教育改造科、人社部门",
            "education department, labour bureau",
            -30,
            PlanItem.Anchor.RELEASE,
            null));
    items.add(
        new PlanItem(
            "FAMILY",
            Pathway.FAMILY,
            "联系家属，约定接回",
            "contact the family and arrange the pick-up",
            "监区民警",
            "section officer",
            -14,
            PlanItem.Anchor.RELEASE,
            null));
    items.add(
        new PlanItem(
            "HEALTH",
            Pathway.HEALTH_AND_MEDICATION,
            "出监体检，病历与用药衔接（带药、转介医疗机构）",
            "release health check; records and medication handed on (supply, referral)",
            "监狱医院",
            "prison hospital",
            -14,
            PlanItem.Anchor.RELEASE,
            null));
    items.add(
        new PlanItem(
            "MONEY",
            Pathway.MONEY_AND_DEBTS,
            "个人账户结算，财产刑与债务情况说明",
            "settle the personal account; statement of property penalty and debts",
            "财务科",
            "finance office",
            -14,
            PlanItem.Anchor.RELEASE,
            null));
    items.add(
        new PlanItem(
            "EDUCATION_RECORD",
            Pathway.EDUCATION_RECORD,
            "学习记录、学分、证书与考级证书汇总",
            "gather the study record, credits, certificates and music grades",
            "教育改造科",
            "education department",
            -30,
            PlanItem.Anchor.RELEASE,
            null));
    if (parole) {
      items.add(
          new PlanItem(
              "REPORT_TO_COMMUNITY_CORRECTIONS",
              Pathway.COMMUNITY_CORRECTIONS,
              "到执行地社区矫正机构报到",
              "report to the community corrections office where the sentence is served",
              "本人、社区矫正机构",
              "the person, community corrections",
              10,
              // "裁定假释的社区矫正对象，应当自判决、裁定生效之日起十日内到执行地社区矫正机构报到":
              // ten days from the ruling taking effect, not from release
              PlanItem.Anchor.PAROLE_RULING,
              "《中华人民共和国社区矫正法》第二十一条第一款"));
    }
    return items;
  }
}
