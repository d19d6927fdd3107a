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

  /**
   * Adds what the Bean Validation constraints declared on {@code value}'s fields say is wrong, in
   * the order the fields and their constraints are declared (a validator reports them as an
   * unordered set; a client fixing a form wants them top to bottom).
   */
  public FieldChecks constraintsOf(Object value) {
    Constraints.violations(value).forEach(errors::add);
    return this;
  }

  public FieldChecks text(String field, String value, int min, int max) {
    if (value == null) {
      add(field, "is required");
    } else {
      String problem = lengthProblem(value, min, max);
      if (problem != null) {
        add(field, problem);
      }
    }
    return this;
  }

  /** What is wrong with a text's length, or null when nothing is (a missing text included). */
  static String lengthProblem(String value, int min, int max) {
    if (value == null) {
      return null;
    } else if (value.isBlank() && min > 0) {
      return "must not be blank";
    } else if (value.length() < min) {
      return "must be at least " + min + " characters";
    } else if (value.length() > max) {
      return "must be at most " + max + " characters";
    }
    return null;
  }

  /** A text that may be absent, checked only for length when given. */
  public FieldChecks optionalText(String field, String value, int max) {
    String problem = lengthProblem(value, 0, max);
    if (problem != null) {
      add(field, problem);
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
