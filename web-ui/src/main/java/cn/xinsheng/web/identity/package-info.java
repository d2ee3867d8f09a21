/** Login, logout, password change and the account administration screen. */
package cn.xinsheng.web.identity;
