/** bin/xinsheng: embedded database, migrations, demo data and the application server. */
package cn.xinsheng.launcher;
