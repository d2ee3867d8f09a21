package cn.xinsheng.web.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.identity.domain.Role;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Chinese first, English second, and no key a view uses is missing from either. */
class BundlesTest {

  private static Properties load(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in =
        BundlesTest.class.getResourceAsStream("/cn/xinsheng/web/" + name + ".properties")) {
      p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void chineseAndEnglishHaveTheSameKeys() throws IOException {
    assertEquals(load("messages_zh_CN").keySet(), load("messages_en").keySet());
    assertEquals(load("messages_zh_CN"), load("messages"));
  }

  @Test
  void everyKeyAViewUsesExists() throws IOException {
    Properties zh = load("messages_zh_CN");
    Pattern key = Pattern.compile("msg\\['([A-Za-z0-9_.]+)'\\]");
    Set<String> missing = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/webapp"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".xhtml")).toList()) {
        Matcher m = key.matcher(Files.readString(f));
        while (m.find()) {
          if (!zh.containsKey(m.group(1))) {
            missing.add(m.group(1) + " in " + f);
          }
        }
      }
    }
    assertEquals(Set.of(), missing);
  }

  @Test
  void everyRoleHasANameAndAHomePageTitle() throws IOException {
    Properties en = load("messages_en");
    for (Role r : Role.values()) {
      assertTrue(en.containsKey("role." + r.name()), r.name());
      assertTrue(en.containsKey("home." + r.homeFolder() + ".title"), r.name());
    }
  }

  @Test
  void chineseBundleIsReallyChinese() throws IOException {
    assertEquals("登录", load("messages_zh_CN").getProperty("login.title"));
  }

  @Test
  void viewsHoldNoLiteralChineseText() throws IOException {
    Pattern han = Pattern.compile("\\p{IsHan}");
    Set<String> offenders = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/webapp"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".xhtml")).toList()) {
        // the logo glyph is the one drawing that is Chinese by design
        String text = Files.readString(f).replace(">新</span>", "");
        if (han.matcher(text).find()) {
          offenders.add(f.toString());
        }
      }
    }
    assertEquals(Set.of(), offenders);
  }
}
