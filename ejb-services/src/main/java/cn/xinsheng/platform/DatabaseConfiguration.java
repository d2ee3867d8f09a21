package cn.xinsheng.platform;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;

/**
 * The application's one data source. URL and credentials come from MicroProfile Config ({@code
 * xinsheng.db.*}, or the environment as {@code XINSHENG_DB_*}), set by {@code bin/xinsheng}; the
 * account is the application's, which has no UPDATE or DELETE on append-only tables.
 *
 * <p>While the database cannot be reached, requests fail at once (refused connections are not
 * retried, see {@link FailFastSessionCustomizer}) and are answered 503 ({@link
 * DatabaseUnavailable}); the pool refills by itself once the database is back.
 */
@DataSourceDefinition(
    name = "java:app/jdbc/xinsheng",
    // local transactions: see LocalMariaDbDataSource
    className = "cn.xinsheng.platform.LocalMariaDbDataSource",
    url = "${MPCONFIG=xinsheng.db.url}",
    user = "${MPCONFIG=xinsheng.db.user}",
    password = "${MPCONFIG=xinsheng.db.password}",
    minPoolSize = 2,
    maxPoolSize = 40,
    // seconds to open a connection: a database host that drops packets fails a request in 5 s,
    // not the driver's 30
    loginTimeout = 5,
    properties = {
      // a connection that fails empties the pool: after the database restarts, the next request
      // gets a new connection instead of each stale one failing in turn
      "fish.payara.fail-all-connections=true",
      // a request waits at most 15 s for a free connection (default 60), then gets a 503
      "fish.payara.max-wait-time-in-millis=15000",
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=custom-validation",
      "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.MySQLConnectionValidation",
      // a connection is checked when handed out, but at most once a minute, not on every use
      "fish.payara.validate-atmost-once-period-in-seconds=60"
    })
@Singleton
public class DatabaseConfiguration {}
