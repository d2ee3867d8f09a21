package cn.xinsheng.identity.application;

/**
 * Where a login comes from (issue 14): the source address, counted on its own, and the token of a
 * browser this user logged in from before, if it sent one.
 *
 * @param address the client's address as the server saw it (no forwarding header is believed)
 * @param browserToken the trusted-browser cookie's value, or null
 * @param browsers whether the caller is a browser that can keep a token (not a server-side tool)
 */
public record LoginSource(String address, String browserToken, boolean browsers) {

  public static final LoginSource INTERNAL = new LoginSource("internal", null, false);

  public LoginSource {
    address = address == null || address.isBlank() ? "unknown" : address.strip();
    if (address.length() > 100) {
      address = address.substring(0, 100);
    }
    if (browserToken != null && (browserToken.isBlank() || browserToken.length() > 100)) {
      browserToken = null;
    }
  }
}
