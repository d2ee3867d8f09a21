package cn.xinsheng.web.api;

import jakarta.validation.constraints.Size;

/** Why the procuratorate needs ten more days, or the court one more month. */
public record ExtensionRequest(
    @Size(max = 4000, message = "case.error.text") @Text String reason) {}
