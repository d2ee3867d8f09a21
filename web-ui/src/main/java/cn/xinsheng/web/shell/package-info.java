/** The page shell: language, menu and landing pages. */
package cn.xinsheng.web.shell;
