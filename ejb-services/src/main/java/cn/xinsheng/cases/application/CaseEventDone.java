package cn.xinsheng.cases.application;

import cn.xinsheng.cases.domain.CaseEvent;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * A step, vote or record of a case as signed: what every case job answers for one, its type and
 * step by name (blank for none), so the web reads it without the case's domain.
 */
@JsonbPropertyOrder({"type", "step", "choice", "late"})
public record CaseEventDone(String type, String step, String choice, boolean late) {

  static CaseEventDone of(CaseEvent e) {
    return new CaseEventDone(
        e.type().name(),
        e.step() == null ? "" : e.step().name(),
        e.choice() == null ? "" : e.choice(),
        e.late());
  }
}
