/**
 * Wiring that every context shares: the data source, the health checks, the caller, and the one
 * clock ({@link cn.xinsheng.platform.PlatformClock}, read in the prison's zone through {@link
 * cn.xinsheng.platform.PrisonTime}).
 */
package cn.xinsheng.platform;
