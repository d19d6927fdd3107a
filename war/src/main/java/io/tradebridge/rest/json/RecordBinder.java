package io.tradebridge.rest.json;

import io.tradebridge.common.control.FieldError;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Binds JSON to a record strictly: an unknown field, a value of the wrong type, a fraction where a
 * whole number belongs or an unknown enum value is an error naming the field — never ignored, never
 * silently defaulted. Every error in the body is collected, not just the first.
 */
final class RecordBinder {

  private static final int MAX_ARRAY = 10_000;

  private final List<FieldError> errors = new ArrayList<>();

  List<FieldError> errors() {
    return errors;
  }

  Object bindRecord(Class<?> type, JsonValue value, String path) {
    if (!(value instanceof JsonObject object)) {
      errors.add(new FieldError(path.isEmpty() ? "body" : path, "must be a JSON object"));
      return null;
    }
    Shape shape = SHAPES.get(type);
    for (String name : object.keySet()) {
      if (!shape.names().contains(name)) {
        errors.add(new FieldError(join(path, name), "is not a known field"));
      }
    }
    Object[] args = new Object[shape.components().length];
    for (int i = 0; i < args.length; i++) {
      RecordComponent c = shape.components()[i];
      JsonValue v = object.get(c.getName());
      String field = join(path, c.getName());
      if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
        if (c.getType().isPrimitive()) {
          errors.add(new FieldError(field, "is required"));
          args[i] = c.getType() == boolean.class ? Boolean.FALSE : (Object) 0;
        }
        continue;
      }
      args[i] = convert(shape.genericTypes()[i], v, field);
    }
    if (!errors.isEmpty()) {
      return null;
    }
    try {
      return shape.constructor().newInstance(args);
    } catch (InvocationTargetException e) {
      errors.add(
          new FieldError(
              path.isEmpty() ? "body" : path, String.valueOf(e.getCause().getMessage())));
      return null;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot construct " + type.getSimpleName(), e);
    }
  }

  /**
   * A record type's components, their generic types and its canonical constructor, looked up once
   * per type: reflection on every request body was a tenth of an order's time on the request
   * thread.
   */
  private record Shape(
      RecordComponent[] components,
      Type[] genericTypes,
      Set<String> names,
      Constructor<?> constructor) {}

  private static final ClassValue<Shape> SHAPES =
      new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
          RecordComponent[] components = type.getRecordComponents();
          Type[] generic =
              Arrays.stream(components).map(RecordComponent::getGenericType).toArray(Type[]::new);
          Class<?>[] raw =
              Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
          try {
            return new Shape(
                components,
                generic,
                Arrays.stream(components)
                    .map(RecordComponent::getName)
                    .collect(Collectors.toUnmodifiableSet()),
                type.getDeclaredConstructor(raw));
          } catch (NoSuchMethodException e) {
            throw new IllegalStateException("no canonical constructor on " + type.getName(), e);
          }
        }
      };

  /** Each enum's constants by name, and the list the error message offers. */
  private record EnumNames(Map<String, Object> byName, String allowed) {}

  private static final ClassValue<EnumNames> ENUMS =
      new ClassValue<>() {
        @Override
        protected EnumNames computeValue(Class<?> type) {
          Map<String, Object> byName = new HashMap<>();
          for (Object constant : type.getEnumConstants()) {
            byName.put(((Enum<?>) constant).name(), constant);
          }
          return new EnumNames(
              Map.copyOf(byName),
              Arrays.stream(type.getEnumConstants())
                  .map(Object::toString)
                  .collect(Collectors.joining(", ")));
        }
      };

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Object convert(Type type, JsonValue v, String field) {
    if (type instanceof ParameterizedType p) {
      Class<?> raw = (Class<?>) p.getRawType();
      if (Collection.class.isAssignableFrom(raw)) {
        return collection(raw, p.getActualTypeArguments()[0], v, field);
      }
      if (Map.class.isAssignableFrom(raw)) {
        return stringMap(v, field);
      }
    }
    Class<?> c = (Class<?>) type;
    if (c == String.class) {
      return v instanceof JsonString s ? s.getString() : wrong(field, "must be a string");
    }
    if (c == boolean.class || c == Boolean.class) {
      if (v == JsonValue.TRUE) return Boolean.TRUE;
      if (v == JsonValue.FALSE) return Boolean.FALSE;
      return wrong(field, "must be true or false");
    }
    if (c == int.class || c == Integer.class || c == long.class || c == Long.class) {
      if (!(v instanceof JsonNumber n)) return wrong(field, "must be a whole number");
      BigDecimal d = n.bigDecimalValue();
      if (d.stripTrailingZeros().scale() > 0)
        return wrong(field, "must be a whole number, not " + d.toPlainString());
      try {
        long l = d.longValueExact();
        if (c == int.class || c == Integer.class) {
          if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE)
            return wrong(field, "is out of range");
          return (int) l;
        }
        return l;
      } catch (ArithmeticException e) {
        return wrong(field, "is out of range");
      }
    }
    if (c == BigDecimal.class) {
      return v instanceof JsonNumber n ? n.bigDecimalValue() : wrong(field, "must be a number");
    }
    if (c == Instant.class) {
      if (!(v instanceof JsonString s))
        return wrong(field, "must be an ISO-8601 time such as 2026-12-31T23:59:59Z");
      try {
        return OffsetDateTime.parse(s.getString()).toInstant();
      } catch (DateTimeParseException e) {
        return wrong(field, "must be an ISO-8601 time such as 2026-12-31T23:59:59Z");
      }
    }
    if (c.isEnum()) {
      EnumNames names = ENUMS.get(c);
      Object constant = v instanceof JsonString s ? names.byName().get(s.getString()) : null;
      return constant != null ? constant : wrong(field, "must be one of " + names.allowed());
    }
    if (c.isRecord()) {
      return bindRecord(c, v, field);
    }
    if (c == JsonObject.class) {
      return v instanceof JsonObject o ? o : wrong(field, "must be a JSON object");
    }
    if (c == JsonValue.class) {
      return v;
    }
    throw new IllegalStateException("no JSON binding for " + c.getName());
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Object collection(Class<?> raw, Type elementType, JsonValue v, String field) {
    if (!(v instanceof JsonArray array)) {
      return wrong(field, "must be an array");
    }
    if (array.size() > MAX_ARRAY) {
      return wrong(field, "may hold at most " + MAX_ARRAY + " entries");
    }
    Collection out;
    if (Set.class.isAssignableFrom(raw)) {
      out =
          elementType instanceof Class<?> e && e.isEnum()
              ? EnumSet.noneOf((Class) e)
              : new LinkedHashSet<>();
    } else {
      out = new ArrayList<>();
    }
    for (int i = 0; i < array.size(); i++) {
      JsonValue element = array.get(i);
      String path = field + "[" + i + "]";
      if (element.getValueType() == JsonValue.ValueType.NULL) {
        wrong(path, "must not be null");
        continue;
      }
      Object converted = convert(elementType, element, path);
      if (converted != null) {
        out.add(converted);
      }
    }
    return Set.class.isAssignableFrom(raw) ? Set.copyOf(out) : List.copyOf(out);
  }

  private Object stringMap(JsonValue v, String field) {
    if (!(v instanceof JsonObject object)) {
      return wrong(field, "must be a JSON object");
    }
    Map<String, String> out = new LinkedHashMap<>();
    object.forEach(
        (k, value) -> {
          if (value instanceof JsonString s) {
            out.put(k, s.getString());
          } else {
            wrong(join(field, k), "must be a string");
          }
        });
    return out;
  }

  private Object wrong(String field, String message) {
    errors.add(new FieldError(field, message));
    return null;
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }
}
