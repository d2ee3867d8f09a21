/**
 * The points ledger's rules (计分考核, 司规〔2021〕3号): clauses and their ranges, the monthly assessment
 * with its caps, cycles, the four-eyes review, the objection loop, working days.
 */
package cn.xinsheng.ledger.domain;
