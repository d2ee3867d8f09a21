/** Release-readiness screens (issue 20): the inmate's simulations and the teachers' results. */
package cn.xinsheng.web.readiness;
