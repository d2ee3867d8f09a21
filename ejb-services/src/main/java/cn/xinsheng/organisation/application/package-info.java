/** Who may see which inmates: the section scoping lives here, not in the views. */
package cn.xinsheng.organisation.application;
