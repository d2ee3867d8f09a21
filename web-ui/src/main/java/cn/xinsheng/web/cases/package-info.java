/**
 * The reduction and parole screens: case list, case file, eligibility, committee, the inmate's own.
 */
package cn.xinsheng.web.cases;
