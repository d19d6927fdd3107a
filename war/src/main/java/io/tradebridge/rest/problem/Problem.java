package io.tradebridge.rest.problem;

import io.tradebridge.common.control.FieldError;
import java.util.List;

/**
 * RFC 9457 problem details, with the API's {@code code} and, for validation, the failing fields.
 */
public record Problem(
    String type,
    String title,
    int status,
    String code,
    String detail,
    String instance,
    List<FieldError> errors,
    Long retryAfter) {}
