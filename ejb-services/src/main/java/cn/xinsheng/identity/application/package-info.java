/** Login, password change and account administration: the transaction and security boundary. */
package cn.xinsheng.identity.application;
