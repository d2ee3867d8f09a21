/** REST resources under /api/v1: thin, they call application services and shape JSON. */
package cn.xinsheng.web.api;
