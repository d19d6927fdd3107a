package io.tradebridge.rest.json;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.OutputStream;
import java.io.StringWriter;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Map;

/**
 * Writes every JSON answer (records, and lists and maps of them) with {@link RecordWriter}: the
 * same record-shaped view of JSON the requests are read with, one binding for both directions.
 * API.md: every documented field of an answer is present, {@code null} when it has no value.
 */
@Provider
@Produces({MediaType.APPLICATION_JSON, "application/problem+json", "application/*+json"})
public class AnswerJson implements MessageBodyWriter<Object> {

  /** Made once: {@code Json.createGenerator} looks the JSON provider up again on every call. */
  private static final JsonGeneratorFactory GENERATORS = Json.createGeneratorFactory(Map.of());

  /** For the few answers written outside JAX-RS (servlet filters, error pages). */
  public static String write(Object answer) {
    StringWriter text = new StringWriter();
    try (JsonGenerator out = GENERATORS.createGenerator(text)) {
      RecordWriter.write(out, answer);
    }
    return text.toString();
  }

  /**
   * {@code {"type": type, …the record's fields}}: a push stream message (API.md, "Live updates").
   */
  public static String writeTyped(String type, Record record) {
    StringWriter text = new StringWriter();
    try (JsonGenerator out = GENERATORS.createGenerator(text)) {
      RecordWriter.writeTyped(out, type, record);
    }
    return text.toString();
  }

  @Override
  public boolean isWriteable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return Record.class.isAssignableFrom(type)
        || Collection.class.isAssignableFrom(type)
        || Map.class.isAssignableFrom(type);
  }

  @Override
  public void writeTo(
      Object answer,
      Class<?> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, Object> headers,
      OutputStream entityStream) {
    // The generator writes UTF-8 and is closed without closing the container's stream.
    JsonGenerator out = GENERATORS.createGenerator(new Unclosable(entityStream));
    RecordWriter.write(out, answer);
    out.close();
  }

  /** JAX-RS owns the entity stream; closing it here would cut off what a filter writes after. */
  private static final class Unclosable extends java.io.FilterOutputStream {
    Unclosable(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws java.io.IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws java.io.IOException {
      flush();
    }
  }
}
