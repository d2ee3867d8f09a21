/** The CNOS exam screens (issue 19): thin views over the exam service. */
package cn.xinsheng.web.music;
