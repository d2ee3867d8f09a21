/**
 * Login, password change and account administration: the transaction and security boundary. The
 * port other contexts use: {@link cn.xinsheng.identity.application.AccountDirectory} (does a login
 * hold a role, serve in a section as an officer or at all, who holds a role). {@link
 * cn.xinsheng.identity.application.KnownSections} is a port identity owns and organisation
 * implements.
 */
package cn.xinsheng.identity.application;
