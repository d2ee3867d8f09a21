package cn.xinsheng.ledger.domain;

import java.util.List;

/** A rule an input breaks: a message key of the bundles and its arguments. */
public record Violation(String key, List<Object> args) {
  public static Violation of(String key, Object... args) {
    return new Violation(key, List.of(args));
  }
}
