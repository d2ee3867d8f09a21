package cn.xinsheng.sentence.domain;

/** Why: a stable key, the article it rests on, and the text in Chinese and English. */
public record Reason(String key, String article, String zh, String en) {}
