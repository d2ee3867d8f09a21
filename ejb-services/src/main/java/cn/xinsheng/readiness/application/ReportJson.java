package cn.xinsheng.readiness.application;

import cn.xinsheng.readiness.domain.RiskLevel;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/** Reads a stored validation report (written by {@code RiskService.json}) back for a page. */
final class ReportJson {

  private ReportJson() {}

  static RiskService.ReportView read(String json) {
    JsonObject o;
    try (JsonReader r = Json.createReader(new StringReader(json))) {
      o = r.readObject();
    }
    List<RiskService.LevelLine> calibration = new ArrayList<>();
    for (JsonValue v : o.getJsonArray("calibration")) {
      JsonObject l = v.asJsonObject();
      calibration.add(
          new RiskService.LevelLine(
              RiskService.LevelView.of(RiskLevel.valueOf(l.getString("level"))),
              l.getInt("cases"),
              l.getInt("reoffended"),
              number(l, "meanPredicted"),
              number(l, "observedRate")));
    }
    List<RiskService.ConfusionLine> confusion = new ArrayList<>();
    for (JsonValue v : o.getJsonArray("confusion")) {
      JsonObject c = v.asJsonObject();
      confusion.add(
          new RiskService.ConfusionLine(
              RiskService.LevelView.of(RiskLevel.valueOf(c.getString("from"))),
              c.getInt("truePositive"),
              c.getInt("falsePositive"),
              c.getInt("trueNegative"),
              c.getInt("falseNegative"),
              number(c, "sensitivity"),
              number(c, "specificity"),
              number(c, "positivePredictiveValue")));
    }
    return new RiskService.ReportView(
        o.getString("instrument"),
        o.getInt("cases"),
        o.getInt("reoffended"),
        number(o, "auc"),
        number(o, "calibrationError"),
        calibration,
        confusion);
  }

  private static Double number(JsonObject o, String name) {
    JsonValue v = o.get(name);
    return v instanceof JsonNumber n ? n.doubleValue() : null;
  }
}
