package io.tradebridge.common.control;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Runs the Bean Validation constraints of a request and turns the violations into {@link
 * FieldError}s in declaration order. Field-level constraints only: what compares two fields stays
 * in code next to the rule's reason.
 */
final class Constraints {

  private Constraints() {}

  /** Field names in declaration order, per class: read once, not on every request. */
  private static final ClassValue<List<String>> FIELDS =
      new ClassValue<>() {
        @Override
        protected List<String> computeValue(Class<?> type) {
          return Arrays.stream(type.getDeclaredFields()).map(Field::getName).toList();
        }
      };

  static List<FieldError> violations(Object value) {
    Class<?> type = value.getClass();
    Set<ConstraintViolation<Object>> found = Holder.VALIDATOR.validate(value);
    if (found.isEmpty()) {
      return List.of();
    }
    List<String> fields = FIELDS.get(type);
    return found.stream()
        .sorted(
            Comparator.comparingInt((ConstraintViolation<Object> v) -> fields.indexOf(field(v)))
                .thenComparingInt(v -> declaredAt(type, field(v), v)))
        .map(v -> new FieldError(field(v), v.getMessage()))
        .toList();
  }

  private static String field(ConstraintViolation<?> violation) {
    return violation.getPropertyPath().toString();
  }

  private static int declaredAt(Class<?> type, String field, ConstraintViolation<?> violation) {
    try {
      Class<? extends Annotation> constraint =
          violation.getConstraintDescriptor().getAnnotation().annotationType();
      Annotation[] declared = type.getDeclaredField(field).getDeclaredAnnotations();
      for (int i = 0; i < declared.length; i++) {
        if (declared[i].annotationType() == constraint) {
          return i;
        }
      }
    } catch (NoSuchFieldException e) {
      // a class-level or getter constraint: after the field's own
    }
    return Integer.MAX_VALUE;
  }

  /**
   * The server's validator where there is one (Liberty's beanValidation feature binds it in JNDI),
   * else one bootstrapped from the class path, as in a unit test. Thread-safe and kept for good.
   */
  private static final class Holder {
    static final Validator VALIDATOR = validator();

    private static Validator validator() {
      try {
        return InitialContext.doLookup("java:comp/Validator");
      } catch (NamingException | RuntimeException notInAServer) {
        return Validation.buildDefaultValidatorFactory().getValidator();
      }
    }
  }
}
