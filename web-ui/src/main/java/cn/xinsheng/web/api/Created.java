package cn.xinsheng.web.api;

/** What a call that creates one record answers: its id. */
public record Created(long id) {}
