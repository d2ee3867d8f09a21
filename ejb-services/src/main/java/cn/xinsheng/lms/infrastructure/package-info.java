/** Where learning content and records live: the content folder and the learning tables. */
package cn.xinsheng.lms.infrastructure;
