package cn.xinsheng.web.api;

import jakarta.validation.constraints.Size;

/**
 * Free text on a case: an objection during the posting (the prison's or the court's), a lawyer's
 * opinion.
 */
public record TextRequest(@Size(max = 4000, message = "case.error.text") @Text String text) {}
