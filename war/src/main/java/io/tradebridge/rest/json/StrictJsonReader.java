package io.tradebridge.rest.json;

import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.rest.problem.MalformedRequest;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads every JSON request body into its record: at most 1 MiB (413 past that, read no further),
 * UTF-8 nested at most 32 deep ({@link JsonText}), valid JSON (400 naming the position), and
 * strictly typed ({@link RecordBinder}).
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json", MediaType.TEXT_PLAIN})
public class StrictJsonReader implements MessageBodyReader<Object> {

  public static final int MAX_BODY_BYTES = 1024 * 1024;

  /** Made once: {@code Json.createReader} looks the JSON provider up again on every call. */
  private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

  private static final Pattern DIGITS = Pattern.compile("\\d{1,18}");

  @Override
  public boolean isReadable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return type.isRecord();
  }

  @Override
  public Object readFrom(
      Class<Object> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, String> headers,
      InputStream body)
      throws IOException {
    JsonValue value = parse(body, headers.getFirst(HttpHeaders.CONTENT_LENGTH));
    if (JsonBody.class.equals(type)) {
      if (!(value instanceof jakarta.json.JsonObject object)) {
        throw TradebridgeException.validation("", "the body must be a JSON object");
      }
      return new JsonBody(object);
    }
    RecordBinder binder = new RecordBinder();
    Object bound = binder.bindRecord(type, value, "");
    if (!binder.errors().isEmpty()) {
      throw TradebridgeException.validation(binder.errors());
    }
    return bound;
  }

  /**
   * Reads a request body as this reader does: at most 1 MiB, UTF-8 only, nested at most {@value
   * JsonText#MAX_DEPTH} deep, valid JSON. For resources that answer in another shape than problem
   * details (the OpenAlgo-compatible API) and so read the body themselves.
   *
   * @param length the Content-Length header, if any
   * @throws MalformedRequest 400 or 413, with what is wrong
   */
  public static JsonValue parse(InputStream body, String length) throws IOException {
    if (length != null
        && DIGITS.matcher(length).matches()
        && Long.parseLong(length) > MAX_BODY_BYTES) {
      throw tooLarge();
    }
    byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
    if (bytes.length > MAX_BODY_BYTES) {
      throw tooLarge();
    }
    if (bytes.length == 0) {
      throw new MalformedRequest(400, "the request body is empty; send a JSON object");
    }
    JsonValue value;
    try (JsonReader reader = READERS.createReader(new StringReader(JsonText.of(bytes)))) {
      value = reader.readValue();
    } catch (JsonParsingException e) {
      throw new MalformedRequest(
          400,
          "the body is not valid JSON (line "
              + e.getLocation().getLineNumber()
              + ", column "
              + e.getLocation().getColumnNumber()
              + ")");
    } catch (jakarta.json.JsonException e) {
      throw new MalformedRequest(400, "the body is not valid JSON");
    }
    return value;
  }

  private static MalformedRequest tooLarge() {
    return new MalformedRequest(413, "the request body is larger than 1 MiB");
  }
}
