/**
 * The audit export a court receives, and the offline verifier that checks it with nothing but a
 * JRE.
 */
package cn.xinsheng.audit.export;
