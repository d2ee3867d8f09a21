package cn.xinsheng.identity.domain;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a read was about (issue 14, finding 7): the case or the inmate a page or an export shows,
 * taken from its path and query as the request named them. Without it the read log said only
 * "/cases/case.xhtml", and nobody could tell which case had been read.
 *
 * @param caseId the case read, if the request named one
 * @param inmate the prisoner number read, if the request named one
 * @param query the query as sent, cut to 500 characters, or null
 */
public record ReadSubject(Long caseId, String inmate, String query) {

  private static final int MAX_QUERY = 500;
  private static final Pattern CASE_PATH = Pattern.compile("^/api/v1/cases/(\\d{1,18})(/.*)?$");
  private static final Pattern INMATE_PATH =
      Pattern.compile("^/api/v1/(?:ledger/)?inmates/([0-9A-Za-z-]{1,32})(/.*)?$");
  private static final Pattern PRISONER_NUMBER = Pattern.compile("[0-9A-Za-z-]{1,32}");

  public static ReadSubject of(String path, String rawQuery) {
    Map<String, String> q = parameters(rawQuery);
    Long caseId = null;
    String inmate = null;
    Matcher c = CASE_PATH.matcher(path);
    if (c.matches()) {
      caseId = Long.parseLong(c.group(1));
    }
    Matcher i = INMATE_PATH.matcher(path);
    if (i.matches()) {
      inmate = i.group(1);
    }
    if (caseId == null && path.startsWith("/cases/")) {
      caseId = number(q.get("id")).orElse(null);
    }
    if (caseId == null) {
      caseId = number(q.get("case")).orElse(null);
    }
    if (inmate == null && path.startsWith("/ledger/")) {
      inmate = prisoner(q.get("no")).orElse(null);
    }
    if (inmate == null) {
      inmate = prisoner(q.get("inmate")).orElse(null);
    }
    String query =
        rawQuery == null || rawQuery.isEmpty()
            ? null
            : rawQuery.length() > MAX_QUERY ? rawQuery.substring(0, MAX_QUERY) : rawQuery;
    return new ReadSubject(caseId, inmate, query);
  }

  /** The subject as one word for the read log's row: {@code case/8}, {@code inmate/3301000001}. */
  public Optional<String> name() {
    if (caseId != null) {
      return Optional.of("case/" + caseId);
    }
    return Optional.ofNullable(inmate).map(n -> "inmate/" + n);
  }

  /** The audit entry's payload: an inmate's read also lands in that inmate's export. */
  public Map<String, Object> payload(String method) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("method", method);
    if (caseId != null) {
      p.put("case", caseId);
    }
    if (inmate != null) {
      p.put("inmate", inmate);
    }
    if (query != null) {
      p.put("query", query);
    }
    return p;
  }

  private static Map<String, String> parameters(String rawQuery) {
    Map<String, String> q = new LinkedHashMap<>();
    if (rawQuery == null) {
      return q;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      try {
        String key = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
        String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        q.putIfAbsent(key, value);
      } catch (IllegalArgumentException e) {
        // a malformed escape names nothing; the raw query is still recorded
      }
    }
    return q;
  }

  private static Optional<Long> number(String s) {
    if (s == null || !s.matches("\\d{1,18}")) {
      return Optional.empty();
    }
    return Optional.of(Long.parseLong(s));
  }

  private static Optional<String> prisoner(String s) {
    return s != null && PRISONER_NUMBER.matcher(s).matches() ? Optional.of(s) : Optional.empty();
  }
}
