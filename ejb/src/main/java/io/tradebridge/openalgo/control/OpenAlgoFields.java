package io.tradebridge.openalgo.control;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads one OpenAlgo request body as OpenAlgo's own server reads it (its marshmallow schemas):
 * numbers may come as JSON numbers or as strings ("1", "16.5"), absent optional fields take
 * OpenAlgo's defaults, and every problem is collected under its field in OpenAlgo's words, so that
 * a client's error handling sees what it always saw: {@code {'quantity': ['Missing data for
 * required field.']}}. Fields the endpoint does not know are refused, as OpenAlgo refuses them.
 */
public final class OpenAlgoFields {

  static final String MISSING = "Missing data for required field.";
  static final String UNKNOWN = "Unknown field.";

  private final JsonObject body;
  private final String prefix;
  private final Map<String, List<String>> errors;

  public OpenAlgoFields(JsonObject body) {
    this(body, "", new LinkedHashMap<>());
  }

  private OpenAlgoFields(JsonObject body, String prefix, Map<String, List<String>> errors) {
    this.body = body;
    this.prefix = prefix;
    this.errors = errors;
  }

  /** The fields of one element of a list (a basket's order), reported as {@code orders.1.…}. */
  public OpenAlgoFields nested(JsonObject element, String listField, int index) {
    return new OpenAlgoFields(element, prefix + listField + "." + index + ".", errors);
  }

  /** Refuses every field not named here, as OpenAlgo's schemas do. */
  public OpenAlgoFields only(Set<String> known) {
    for (String name : body.keySet()) {
      if (!known.contains(name)) {
        error(name, UNKNOWN);
      }
    }
    return this;
  }

  /** A string; {@code fallback} when absent (null: required). */
  public String text(String name, String fallback) {
    JsonValue value = body.get(name);
    if (value == null || value == JsonValue.NULL) {
      if (fallback == null) {
        error(name, MISSING);
      }
      return fallback;
    }
    if (value instanceof JsonString s) {
      return s.getString();
    }
    error(name, "Not a valid string.");
    return fallback;
  }

  /** A string that must be one of {@code choices} (compared as OpenAlgo compares: exactly). */
  public String oneOf(String name, String fallback, List<String> choices) {
    String value = text(name, fallback);
    if (value != null && !choices.contains(value)) {
      error(name, "Must be one of: " + String.join(", ", choices) + ".");
      return null;
    }
    return value;
  }

  /** A number, as a JSON number or a numeric string; {@code fallback} when absent. */
  public BigDecimal number(String name, BigDecimal fallback) {
    JsonValue value = body.get(name);
    if (value == null || value == JsonValue.NULL) {
      if (fallback == null) {
        error(name, MISSING);
      }
      return fallback;
    }
    BigDecimal number = null;
    if (value instanceof JsonNumber n) {
      number = n.bigDecimalValue();
    } else if (value instanceof JsonString s) {
      try {
        number = new BigDecimal(s.getString().strip());
      } catch (NumberFormatException e) {
        number = null;
      }
    }
    if (number == null) {
      error(name, "Not a valid number.");
    }
    return number;
  }

  /** A non-negative price (OpenAlgo's default 0); zero means "none" to our order model. */
  public BigDecimal price(String name) {
    BigDecimal price = number(name, BigDecimal.ZERO);
    if (price != null && price.signum() < 0) {
      error(
          name,
          (name.equals("price") ? "Price" : "Trigger price") + " must be a non-negative number.");
      return null;
    }
    return price == null || price.signum() == 0 ? null : price;
  }

  /**
   * A quantity of whole units: OpenAlgo takes it as a float, then refuses a fraction outside
   * crypto. {@code positive}: above zero (an order); else zero or more (a smart order's size).
   */
  public Integer quantity(String name, boolean positive) {
    BigDecimal q = number(name, null);
    if (q == null) {
      return null;
    }
    if (positive ? q.signum() <= 0 : q.signum() < 0) {
      error(
          name,
          positive
              ? "Quantity must be a positive number."
              : "Quantity must be a non-negative number.");
      return null;
    }
    return whole(name, q);
  }

  /** A signed whole number of units (a smart order's target position). */
  public Integer signedQuantity(String name) {
    BigDecimal q = number(name, null);
    return q == null ? null : whole(name, q);
  }

  /** A whole number of at least {@code min} (split size). */
  public Integer atLeast(String name, int min, String message) {
    BigDecimal q = number(name, null);
    if (q == null) {
      return null;
    }
    if (q.compareTo(BigDecimal.valueOf(min)) < 0 || q.stripTrailingZeros().scale() > 0) {
      error(name, message);
      return null;
    }
    return q.intValueExact();
  }

  private Integer whole(String name, BigDecimal q) {
    if (q.stripTrailingZeros().scale() > 0) {
      error(
          name,
          "Fractional quantity ("
              + q.toPlainString()
              + ") is not allowed for non-crypto exchanges.");
      return null;
    }
    if (q.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
      error(name, "Quantity is too large.");
      return null;
    }
    return q.intValueExact();
  }

  /** The element objects of a list field (a basket's orders); null when absent or not a list. */
  public List<JsonObject> objects(String name) {
    JsonValue value = body.get(name);
    if (value == null || value == JsonValue.NULL) {
      error(name, MISSING);
      return null;
    }
    if (value.getValueType() != JsonValue.ValueType.ARRAY) {
      error(name, "Not a valid list.");
      return null;
    }
    List<JsonValue> items = value.asJsonArray();
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i).getValueType() != JsonValue.ValueType.OBJECT) {
        error(name + "." + i, "Invalid input type.");
      }
    }
    return hasErrors() ? null : items.stream().map(JsonValue::asJsonObject).toList();
  }

  public void error(String name, String message) {
    errors.computeIfAbsent(prefix + name, k -> new java.util.ArrayList<>()).add(message);
  }

  public boolean hasErrors() {
    return !errors.isEmpty();
  }

  /**
   * The errors as OpenAlgo's server words them: Python's rendering of marshmallow's error dict,
   * nested for list elements ({@code {'orders': {1: {'quantity': [...]}}}}).
   */
  public String message() {
    Map<String, Object> tree = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : errors.entrySet()) {
      String[] path = e.getKey().split("\\.");
      Map<String, Object> level = tree;
      for (int i = 0; i < path.length - 1; i++) {
        @SuppressWarnings("unchecked")
        Map<String, Object> next =
            (Map<String, Object>)
                level.computeIfAbsent(
                    path[i], k -> new TreeMap<String, Object>(OpenAlgoFields::byIndex));
        level = next;
      }
      level.put(path[path.length - 1], e.getValue());
    }
    return python(tree);
  }

  private static int byIndex(String a, String b) {
    boolean na = a.chars().allMatch(Character::isDigit);
    boolean nb = b.chars().allMatch(Character::isDigit);
    return na && nb ? Integer.compare(Integer.parseInt(a), Integer.parseInt(b)) : a.compareTo(b);
  }

  private static String python(Object value) {
    if (value instanceof Map<?, ?> map) {
      StringBuilder b = new StringBuilder("{");
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        String key = (String) e.getKey();
        b.append(first ? "" : ", ")
            .append(key.chars().allMatch(Character::isDigit) ? key : quote(key))
            .append(": ")
            .append(python(e.getValue()));
        first = false;
      }
      return b.append('}').toString();
    }
    if (value instanceof List<?> list) {
      StringBuilder b = new StringBuilder("[");
      for (int i = 0; i < list.size(); i++) {
        b.append(i == 0 ? "" : ", ").append(quote((String) list.get(i)));
      }
      return b.append(']').toString();
    }
    return quote(String.valueOf(value));
  }

  private static String quote(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
