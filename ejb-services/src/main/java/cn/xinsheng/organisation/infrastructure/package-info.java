/** JPA storage of the organisation and inmates. */
package cn.xinsheng.organisation.infrastructure;
