package io.tradebridge.common.control;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects every problem with an input before answering, so a caller fixes all fields in one go
 * instead of one per request.
 */
public final class FieldChecks {

  private final List<FieldError> errors = new ArrayList<>();

  public FieldChecks required(String field, Object value) {
    if (value == null) {
      add(field, "is required");
    }
    return this;
  }

  public FieldChecks text(String field, String value, int min, int max) {
    if (value == null) {
      add(field, "is required");
    } else if (value.isBlank() && min > 0) {
      add(field, "must not be blank");
    } else if (value.length() < min) {
      add(field, "must be at least " + min + " characters");
    } else if (value.length() > max) {
      add(field, "must be at most " + max + " characters");
    }
    return this;
  }

  /** A text that may be absent, checked only for length when given. */
  public FieldChecks optionalText(String field, String value, int max) {
    if (value != null && value.length() > max) {
      add(field, "must be at most " + max + " characters");
    }
    return this;
  }

  public FieldChecks matches(String field, String value, Pattern pattern, String rule) {
    if (value != null && !pattern.matcher(value).matches()) {
      add(field, rule);
    }
    return this;
  }

  public FieldChecks that(boolean ok, String field, String message) {
    if (!ok) {
      add(field, message);
    }
    return this;
  }

  public FieldChecks add(String field, String message) {
    errors.add(new FieldError(field, message));
    return this;
  }

  public boolean hasErrorFor(String field) {
    return errors.stream().anyMatch(e -> e.field().equals(field));
  }

  /** Throws VALIDATION_FAILED listing every problem found, if any. */
  public void orThrow() {
    if (!errors.isEmpty()) {
      throw TradebridgeException.validation(errors);
    }
  }
}
