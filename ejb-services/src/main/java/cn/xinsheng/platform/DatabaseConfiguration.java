package cn.xinsheng.platform;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;

/**
 * The application's one data source. URL and credentials come from MicroProfile Config ({@code
 * xinsheng.db.*}, or the environment as {@code XINSHENG_DB_*}), set by {@code bin/xinsheng}; the
 * account is the application's, which has no UPDATE or DELETE on append-only tables.
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
    properties = {
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=custom-validation",
      "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.MySQLConnectionValidation",
      // a connection is checked when handed out, but at most once a minute, not on every use
      "fish.payara.validate-atmost-once-period-in-seconds=60"
    })
@Singleton
public class DatabaseConfiguration {}
