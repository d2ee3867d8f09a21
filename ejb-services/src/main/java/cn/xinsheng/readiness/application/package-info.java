/**
 * Release readiness, the transaction and security boundary (issue 20): the simulations inmates play
 * and their recorded, server-scored attempts, and the results teachers see for their cohorts.
 */
package cn.xinsheng.readiness.application;
