/** The prison, its wards and sections, and the inmates: the facts every context builds on. */
package cn.xinsheng.organisation.domain;
