package cn.xinsheng.web.organisation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.organisation.application.InmateDirectory;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The picker reads the prisoner number back from the line the user chose, in either language. */
class InmatePickerTest {

  @Test
  void theNumberIsReadFromAChosenLine() {
    assertEquals("3301000011", InmatePicker.numberOf("张三（3301000011）"));
    assertEquals("3301000011", InmatePicker.numberOf("Zhang San (3301000011) "));
    // a name that itself holds brackets: the last pair is the number
    assertEquals("3301000012", InmatePicker.numberOf("李四（小）（3301000012）"));
  }

  @Test
  void aNumberTypedWholeIsTakenAsTyped() {
    assertEquals("3301000011", InmatePicker.numberOf(" 3301000011 "));
  }

  @Test
  void nothingChosenIsEmptyAndANameNamingNobodyIsHandedOnForTheServiceToRefuse() {
    assertEquals("", InmatePicker.numberOf(null));
    assertEquals("", InmatePicker.numberOf("  "));
    assertEquals("张三", InmatePicker.numberOf("张三"));
  }

  private static final InmateDirectory.Named ZHANG =
      new InmateDirectory.Named(1, "3301000011", "张三", 21);
  private static final InmateDirectory.Named ZHANG_JR =
      new InmateDirectory.Named(2, "13301000011", "张三丰", 21);

  /** A screen's query as the services answer it: numbers or names containing what was asked. */
  private static final Function<String, List<InmateDirectory.Named>> OFFERED =
      typed ->
          List.of(ZHANG_JR, ZHANG).stream()
              .filter(i -> i.prisonerNumber().contains(typed) || i.name().contains(typed))
              .toList();

  @Test
  void aLineOrANumberOfSomeoneOfferedNamesHim() {
    assertEquals(ZHANG, InmatePicker.chosen("张三（3301000011）", OFFERED).orElseThrow());
    assertEquals(ZHANG, InmatePicker.chosen(" 3301000011 ", OFFERED).orElseThrow());
    assertFalse(InmatePicker.namesNobody("张三（3301000011）", OFFERED));
    // his number is part of another's: the one whose number it is, not the first found
    assertEquals(ZHANG, InmatePicker.chosen("3301000011", OFFERED).orElseThrow());
  }

  @Test
  void aNumberOrANameOfNobodyOfferedNamesNobodyAndIsSaid() {
    // the issue 18 walk: ?inmate=9999999999, or a part of a number or a name typed and left
    assertTrue(InmatePicker.namesNobody("9999999999", OFFERED));
    assertTrue(InmatePicker.namesNobody("330100001", OFFERED), "part of a number is nobody");
    assertTrue(InmatePicker.namesNobody("张三", OFFERED), "a name is no choice: his line is");
    assertTrue(InmatePicker.namesNobody("李四（4401000001）", OFFERED), "not offered to this caller");
    assertEquals("9999999999", InmatePicker.lineOf(" 9999999999 ", OFFERED));
  }

  @Test
  void anEmptyPickerIsNotNobody() {
    // it is asked for when the screen needs an inmate ("请先选择服刑人员"), not said to be unknown
    assertFalse(InmatePicker.namesNobody(null, OFFERED));
    assertFalse(InmatePicker.namesNobody("  ", OFFERED));
  }
}
