package cn.xinsheng.web.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LoginViewTest {

  private String next(String value) {
    LoginView view = new LoginView();
    view.setNext(value);
    return view.safeNext();
  }

  @Test
  void returnsToAPageOnThisServer() {
    assertEquals("/officer/home.xhtml", next("/officer/home.xhtml"));
  }

  @Test
  void neverRedirectsToAnotherSite() {
    assertEquals("/", next("//evil.example/x"));
    assertEquals("/", next("http://evil.example/"));
    assertEquals("/", next("/\\evil.example"));
    assertEquals("/", next(null));
    assertEquals("/", next("/login.xhtml"));
  }
}
