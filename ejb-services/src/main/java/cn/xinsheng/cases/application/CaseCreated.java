package cn.xinsheng.cases.application;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** A proposed case: its id and number. */
@JsonbPropertyOrder({"id", "number"})
public record CaseCreated(long id, String number) {}
