package cn.xinsheng.web.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Counts said as people say them (the outside walk): "还有 77 天", never "还有天数 77"; in English "1 year
 * 11 months", never "1 years".
 */
class CountedWordsTest {

  private static String say(String bundle, Locale locale, String key, Object... args)
      throws IOException {
    Properties p = new Properties();
    try (InputStream in =
        CountedWordsTest.class.getResourceAsStream("/cn/xinsheng/web/" + bundle + ".properties")) {
      p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return new MessageFormat(p.getProperty(key), locale).format(args);
  }

  @Test
  void daysLeftToRelease() throws IOException {
    assertEquals("还有 77 天", say("messages_zh_CN", Locale.SIMPLIFIED_CHINESE, "plan.daysLeft", 77L));
    assertEquals("77 days left", say("messages_en", Locale.ENGLISH, "plan.daysLeft", 77L));
    assertEquals("1 day left", say("messages_en", Locale.ENGLISH, "plan.daysLeft", 1L));
    assertEquals("0 days left", say("messages_en", Locale.ENGLISH, "plan.daysLeft", 0L));
  }

  @Test
  void aTermInYearsAndMonths() throws IOException {
    assertEquals("1年11个月", say("messages_zh_CN", Locale.SIMPLIFIED_CHINESE, "inmate.term", 1, 11));
    assertEquals("1 year 11 months", say("messages_en", Locale.ENGLISH, "inmate.term", 1, 11));
    assertEquals("2 years 1 month", say("messages_en", Locale.ENGLISH, "inmate.term", 2, 1));
    assertEquals("0 years 0 months", say("messages_en", Locale.ENGLISH, "inmate.term", 0, 0));
  }
}
