package cn.xinsheng.web.organisation;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
