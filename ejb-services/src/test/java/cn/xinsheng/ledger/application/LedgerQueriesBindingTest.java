package cn.xinsheng.ledger.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xinsheng.ledger.domain.LedgerCalendar;
import cn.xinsheng.ledger.domain.WorkingCalendar;
import cn.xinsheng.platform.Caller;
import cn.xinsheng.platform.PrisonTime;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The read model never splices a caller's name into SQL (issue 12): a name from an identity
 * provider may hold quotes and backslashes (MariaDB reads {@code \'} as an escaped quote, so
 * doubling quotes is no defence). The query text is fixed and the name is a bound parameter.
 */
class LedgerQueriesBindingTest {

  private final List<String> sql = new ArrayList<>();
  private final Map<Integer, Object> bound = new HashMap<>();

  private EntityManager recordingEntityManager() {
    Query query =
        (Query)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {Query.class},
                (proxy, method, args) -> {
                  switch (method.getName()) {
                    case "setParameter" -> {
                      bound.put((Integer) args[0], args[1]);
                      return proxy;
                    }
                    case "getResultList" -> {
                      return List.of();
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                  }
                });
    return (EntityManager)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {EntityManager.class},
            (proxy, method, args) -> {
              if (method.getName().equals("createNativeQuery") && args.length == 1) {
                sql.add((String) args[0]);
                return query;
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }

  @Test
  void aProsecutorsFindingsAreReadWithHisNameBoundNotSpliced() {
    String name = "o\\' OR 1=1 -- ";
    LedgerQueries queries = new LedgerQueries();
    queries.em = recordingEntityManager();
    queries.caller =
        new Caller() {
          @Override
          public String name() {
            return name;
          }
        };
    queries.records =
        new LedgerRecords() {
          @Override
          public LedgerCalendar ledgerCalendar() {
            return new LedgerCalendar(
                PrisonTime.fixedAt(Instant.parse("2026-06-10T02:00:00Z")),
                new WorkingCalendar(Map.of()));
          }
        };

    assertEquals(List.of(), queries.myFindings());

    assertEquals(1, sql.size());
    assertFalse(sql.get(0).contains("OR 1=1"), sql.get(0));
    assertFalse(sql.get(0).contains("o\\"), sql.get(0));
    assertTrue(sql.get(0).contains("o.raised_by = ?1"), sql.get(0));
    assertEquals(Map.of(1, name), bound);
  }
}
