package io.tradebridge.common.control;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link Text}: says which bound a text missed, in the words {@link FieldChecks} uses. */
public class TextLength implements ConstraintValidator<Text, String> {

  private int min;
  private int max;

  @Override
  public void initialize(Text text) {
    this.min = text.min();
    this.max = text.max();
  }

  @Override
  public boolean isValid(String value, ConstraintValidatorContext context) {
    String problem = FieldChecks.lengthProblem(value, min, max);
    if (problem == null) {
      return true;
    }
    context.disableDefaultConstraintViolation();
    context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
    return false;
  }
}
