package io.tradebridge.rest.json;

import io.tradebridge.rest.problem.MalformedRequest;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A request body's bytes made into JSON text the parser may see. Two refusals the parser itself
 * does not make: bytes that are not UTF-8 (RFC 8259 §8.1 — a lenient decoder turns them into U+FFFD
 * and an order with a mangled symbol or comment would be placed), and nesting deeper than any of
 * our bodies needs (the parser and the binder recurse per level; 10,000 levels overflow the stack).
 */
final class JsonText {

  /** Our deepest body is a batch: object → orders array → order object → a list field. */
  static final int MAX_DEPTH = 32;

  private JsonText() {}

  static String of(byte[] bytes) {
    String text = decode(bytes);
    checkDepth(text);
    return text;
  }

  private static String decode(byte[] bytes) {
    try {
      CharBuffer chars =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes));
      return chars.toString();
    } catch (CharacterCodingException e) {
      throw new MalformedRequest(400, "the body is not valid UTF-8; send JSON encoded as UTF-8");
    }
  }

  /** Counts brackets outside strings; the parser checks the rest of the syntax afterwards. */
  private static void checkDepth(String text) {
    int depth = 0;
    boolean inString = false;
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{' || c == '[') {
        if (++depth > MAX_DEPTH) {
          throw new MalformedRequest(
              400, "the body is nested deeper than " + MAX_DEPTH + " levels");
        }
      } else if (c == '}' || c == ']') {
        depth--;
      }
    }
  }
}
