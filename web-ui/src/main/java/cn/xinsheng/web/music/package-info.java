/**
 * The folk-music screens (issue 19): study (catalogue, practice log, takes and a take's page) and
 * the CNOS exams (sessions, candidates, results, certificate check, statistics), thin views over
 * the music application services.
 */
package cn.xinsheng.web.music;
