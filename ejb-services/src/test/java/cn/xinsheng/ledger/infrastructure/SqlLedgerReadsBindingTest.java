package cn.xinsheng.ledger.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The ledger's reads never splice a caller's name into SQL (issue 12): a name from an identity
 * provider may hold quotes and backslashes (MariaDB reads {@code \'} as an escaped quote, so
 * doubling quotes is no defence). The query text is fixed and the name is a bound parameter.
 */
class SqlLedgerReadsBindingTest {

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
    SqlLedgerReads reads = new SqlLedgerReads();
    reads.em = recordingEntityManager();

    assertEquals(List.of(), reads.objectionsRaisedBy(name));

    assertEquals(1, sql.size());
    assertFalse(sql.get(0).contains("OR 1=1"), sql.get(0));
    assertFalse(sql.get(0).contains("o\\"), sql.get(0));
    assertTrue(sql.get(0).contains("o.raised_by = ?1"), sql.get(0));
    assertEquals(Map.of(1, name), bound);
  }

  @Test
  void anOfficersReturnedEntriesAreReadWithHisNameBoundNotSpliced() {
    String name = "o\\' OR 1=1 -- ";
    SqlLedgerReads reads = new SqlLedgerReads();
    reads.em = recordingEntityManager();

    assertEquals(List.of(), reads.returnedTo(name));

    assertEquals(1, sql.size());
    assertFalse(sql.get(0).contains("OR 1=1"), sql.get(0));
    assertTrue(sql.get(0).contains("e.recorded_by = ?1"), sql.get(0));
    assertEquals(Map.of(1, name), bound);
  }
}
