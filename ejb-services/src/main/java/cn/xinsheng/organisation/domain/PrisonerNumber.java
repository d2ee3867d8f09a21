package cn.xinsheng.organisation.domain;

import java.util.regex.Pattern;

/** The number a prisoner is known by: ten digits, as issued at admission. */
public record PrisonerNumber(String value) {

  private static final Pattern FORM = Pattern.compile("\\d{10}");

  public PrisonerNumber {
    if (value == null || !FORM.matcher(value).matches()) {
      throw new IllegalArgumentException("a prisoner number is ten digits");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
