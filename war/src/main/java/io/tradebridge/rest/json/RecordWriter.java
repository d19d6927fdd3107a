package io.tradebridge.rest.json;

import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes an answer as JSON, the mirror of {@link RecordBinder}: a record's components in the order
 * they are declared, every one of them present and {@code null} when it has no value (API.md,
 * Errors). Enums by name, dates and times in ISO-8601, decimals exactly as they are held. A type it
 * does not know is a programming error, refused loudly rather than guessed at.
 */
final class RecordWriter {

  private static final ClassValue<Property[]> PROPERTIES =
      new ClassValue<>() {
        @Override
        protected Property[] computeValue(Class<?> type) {
          RecordComponent[] components = type.getRecordComponents();
          Property[] properties = new Property[components.length];
          for (int i = 0; i < components.length; i++) {
            Method accessor = components[i].getAccessor();
            // A record nested in a package-private class has public accessors that reflection
            // still refuses without this.
            accessor.setAccessible(true);
            properties[i] = new Property(components[i].getName(), accessor);
          }
          return properties;
        }
      };

  private record Property(String name, Method accessor) {}

  private RecordWriter() {}

  static void write(JsonGenerator out, Object value) {
    value(out, null, value);
  }

  /** A record's object with a {@code type} field first: one message of the push stream. */
  static void writeTyped(JsonGenerator out, String type, Record record) {
    out.writeStartObject();
    out.write("type", type);
    for (Property p : PROPERTIES.get(record.getClass())) {
      value(out, p.name(), read(p, record));
    }
    out.writeEnd();
  }

  private static void value(JsonGenerator out, String name, Object value) {
    if (value == null) {
      if (name == null) out.writeNull();
      else out.writeNull(name);
    } else if (value instanceof String s) {
      if (name == null) out.write(s);
      else out.write(name, s);
    } else if (value instanceof Boolean b) {
      if (name == null) out.write(b);
      else out.write(name, b);
    } else if (value instanceof BigDecimal d) {
      if (name == null) out.write(d);
      else out.write(name, d);
    } else if (value instanceof BigInteger i) {
      if (name == null) out.write(i);
      else out.write(name, i);
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      long l = ((Number) value).longValue();
      if (name == null) out.write(l);
      else out.write(name, l);
    } else if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (name == null) out.write(d);
      else out.write(name, d);
    } else if (value instanceof Enum<?> e) {
      if (name == null) out.write(e.name());
      else out.write(name, e.name());
    } else if (value instanceof TemporalAccessor || value instanceof UUID) {
      if (name == null) out.write(value.toString());
      else out.write(name, value.toString());
    } else if (value instanceof JsonValue json) {
      if (name == null) out.write(json);
      else out.write(name, json);
    } else if (value instanceof Optional<?> optional) {
      value(out, name, optional.orElse(null));
    } else if (value instanceof Record record) {
      if (name == null) out.writeStartObject();
      else out.writeStartObject(name);
      for (Property p : PROPERTIES.get(record.getClass())) {
        value(out, p.name(), read(p, record));
      }
      out.writeEnd();
    } else if (value instanceof Map<?, ?> map) {
      if (name == null) out.writeStartObject();
      else out.writeStartObject(name);
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        Object key = entry.getKey();
        value(out, key instanceof Enum<?> e ? e.name() : String.valueOf(key), entry.getValue());
      }
      out.writeEnd();
    } else if (value instanceof Collection<?> items) {
      if (name == null) out.writeStartArray();
      else out.writeStartArray(name);
      for (Object item : items) {
        value(out, null, item);
      }
      out.writeEnd();
    } else if (value.getClass().isArray() && !(value instanceof byte[])) {
      if (name == null) out.writeStartArray();
      else out.writeStartArray(name);
      for (int i = 0, n = Array.getLength(value); i < n; i++) {
        value(out, null, Array.get(value, i));
      }
      out.writeEnd();
    } else {
      throw new IllegalArgumentException(
          "no JSON form for " + value.getClass().getName() + (name == null ? "" : " in " + name));
    }
  }

  private static Object read(Property property, Record record) {
    try {
      return property.accessor().invoke(record);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(property.name() + " could not be read", e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(property.name() + " could not be read", e);
    }
  }
}
