package io.tradebridge.common.control;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A text of {@code min} to {@code max} characters, blank counting as missing when {@code min > 0}.
 * Like every Bean Validation constraint it lets {@code null} pass; add {@code @NotNull(message =
 * "is required")} when the field must be there. The messages are the ones {@link FieldChecks#text}
 * gives, so a client sees the same words whichever way a rule is declared.
 */
@Documented
@Constraint(validatedBy = TextLength.class)
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface Text {

  int min() default 0;

  int max();

  String message() default "has the wrong length";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
