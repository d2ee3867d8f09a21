/** The folk-music study screens (issue 19): catalogue, practice log, takes and a take's page. */
package cn.xinsheng.web.music;
