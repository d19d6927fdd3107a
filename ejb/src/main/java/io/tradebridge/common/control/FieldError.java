package io.tradebridge.common.control;

/** One field that failed validation, as it appears in a problem's {@code errors} list. */
public record FieldError(String field, String message) {}
