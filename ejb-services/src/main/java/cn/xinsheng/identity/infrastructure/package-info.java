/** JPA storage of accounts and identity events. */
package cn.xinsheng.identity.infrastructure;
