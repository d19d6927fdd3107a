package io.tradebridge.excel.control;

/** Short causes for messages: the exception's own words, without class names or stack traces. */
final class Messages {

  private Messages() {}

  static String brief(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() != null ? root.getMessage() : e.getMessage();
    if (message == null || message.isBlank()) {
      return root.getClass().getSimpleName();
    }
    message = message.strip().replaceAll("\\s+", " ");
    return message.length() > 300 ? message.substring(0, 300) + "…" : message;
  }
}
