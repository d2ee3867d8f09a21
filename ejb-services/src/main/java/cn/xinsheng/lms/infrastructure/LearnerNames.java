package cn.xinsheng.lms.infrastructure;

import cn.xinsheng.organisation.application.InmateDirectory;
import cn.xinsheng.platform.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Prisoner numbers and names for learning's rows (issue 13): a store selects the inmate's id where
 * its list shows his number (and name), and asks organisation's {@link InmateDirectory} once per
 * list instead of joining organisation's {@code inmate} table.
 */
@ApplicationScoped
class LearnerNames {

  @Inject InmateDirectory directory;

  /**
   * Puts each row's inmate number (and name) where its id was selected.
   *
   * @param numberColumn the column holding the inmate's id, to hold his prisoner number
   * @param nameColumn the column to hold his name, or -1 when the row shows no name
   */
  List<Object[]> fill(List<Object[]> rows, int numberColumn, int nameColumn) {
    if (rows.isEmpty()) {
      return rows;
    }
    Map<Long, InmateDirectory.Named> named =
        directory.inmates(
            rows.stream().map(r -> SqlValues.num(r[numberColumn])).collect(Collectors.toSet()));
    for (Object[] r : rows) {
      InmateDirectory.Named n = named.get(SqlValues.num(r[numberColumn]));
      if (n == null) {
        // inmate ids are foreign keys: a row cannot name an inmate organisation does not know
        throw new IllegalStateException("no inmate " + r[numberColumn]);
      }
      r[numberColumn] = n.prisonerNumber();
      if (nameColumn >= 0) {
        r[nameColumn] = n.name();
      }
    }
    return rows;
  }
}
