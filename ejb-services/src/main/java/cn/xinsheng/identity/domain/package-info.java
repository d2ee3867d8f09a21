/** Accounts, roles and the rules for passwords and lockout, in plain Java. */
package cn.xinsheng.identity.domain;
