package cn.xinsheng.readiness.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One factor of a risk instrument. Static factors (history) do not change in prison; dynamic ones
 * (conduct, skills, plans) do, and are what a release plan can work on. Where the platform holds
 * the fact (age, offence, sentence, points, sanctions, education, music, simulations) it supplies
 * the value; officers enter the rest.
 */
public record RiskFactor(
    String code, Kind kind, Source source, String zh, String en, List<FactorLevel> levels) {

  public enum Kind {
    STATIC,
    DYNAMIC
  }

  public enum Source {
    PLATFORM,
    OFFICER
  }

  public RiskFactor {
    if (code == null || !code.matches("[A-Z][A-Z0-9_]{0,39}")) {
      throw new IllegalArgumentException("a factor code is 1-40 of A-Z, 0-9 and _: " + code);
    }
    if (kind == null || source == null) {
      throw new IllegalArgumentException(
          "a factor is static or dynamic, from the platform or an officer: " + code);
    }
    if (zh == null || zh.isBlank() || en == null || en.isBlank()) {
      throw new IllegalArgumentException("a factor is named in Chinese and English: " + code);
    }
    levels = List.copyOf(levels);
    if (levels.size() < 2) {
      throw new IllegalArgumentException("a factor has at least two values: " + code);
    }
    Set<String> seen = new HashSet<>();
    for (FactorLevel l : levels) {
      if (!seen.add(l.code())) {
        throw new IllegalArgumentException("value " + l.code() + " twice in factor " + code);
      }
    }
  }

  public Optional<FactorLevel> level(String levelCode) {
    return levels.stream().filter(l -> l.code().equals(levelCode)).findFirst();
  }
}
