/**
 * Release readiness's files: the risk instrument read from its versioned data file, and labelled
 * outcomes (past releases) read from CSV.
 */
package cn.xinsheng.readiness.infrastructure;
