package cn.xinsheng.readiness.domain;

import java.util.Map;
import java.util.TreeMap;

/** One person's value for each factor of an instrument: factor code to value code. */
public record FactorValues(Map<String, String> values) {

  public FactorValues {
    values = java.util.Collections.unmodifiableMap(new TreeMap<>(values));
  }

  public String of(String factor) {
    return values.get(factor);
  }
}
