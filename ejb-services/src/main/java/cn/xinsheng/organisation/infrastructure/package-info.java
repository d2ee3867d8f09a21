/**
 * JPA storage of the organisation and inmates; sentence ends and terms on the inmate table; names
 * for ids ({@code SqlInmateDirectory}); organisation's side of identity's known-sections port.
 */
package cn.xinsheng.organisation.infrastructure;
