/**
 * JPA storage of the organisation and inmates; sentence ends on the inmate table; organisation's
 * side of identity's known-sections port.
 */
package cn.xinsheng.organisation.infrastructure;
