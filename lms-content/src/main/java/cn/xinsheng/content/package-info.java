/**
 * The content-package format the education office uses to bring courses in on physical media: a
 * signed manifest, safe extraction (zip-slip, zip bombs, sizes), safe XML, SCORM 1.2 manifests, the
 * course description and the question text format. Plain Java: the office runs it outside the
 * prison with {@code bin/xinsheng content}.
 */
package cn.xinsheng.content;
