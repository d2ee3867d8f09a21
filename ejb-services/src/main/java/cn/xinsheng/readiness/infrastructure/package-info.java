/**
 * Release readiness's storage and files: its stores (plans, handovers, scenario attempts and
 * packages, risk records), the risk instrument read from its versioned data file, labelled outcomes
 * (past releases) read from CSV, and the risk facts ({@code RiskFactSql}: its own attempts in SQL,
 * the other contexts' facts through their ports).
 */
package cn.xinsheng.readiness.infrastructure;
