/** Wiring that every context shares: the data source and the health checks. */
package cn.xinsheng.platform;
