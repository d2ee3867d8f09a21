/** Login mechanism, account store, the access matrix and the filter that enforces it. */
package cn.xinsheng.web.security;
