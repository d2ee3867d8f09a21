/**
 * Where cases live: the case, its events, eligibility runs and sentence facts in MariaDB; the PDFs.
 */
package cn.xinsheng.cases.infrastructure;
