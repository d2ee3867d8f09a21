package cn.xinsheng.music.application;

/** A take was stored and waits for its analysis; observed after the storing transaction commits. */
public record TakeQueued(long takeId) {}
