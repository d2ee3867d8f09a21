/** Views of the organisation and inmates; the scoping is the services' job. */
package cn.xinsheng.web.organisation;
