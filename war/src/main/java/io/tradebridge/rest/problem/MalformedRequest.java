package io.tradebridge.rest.problem;

import io.tradebridge.common.control.ProblemCode;
import io.tradebridge.common.control.TradebridgeException;

/**
 * A body the server could not read at all: not JSON (400), too large (413), wrong media type (415).
 */
public class MalformedRequest extends TradebridgeException {

  private static final long serialVersionUID = 1L;
  private final int status;

  public MalformedRequest(int status, String detail) {
    super(ProblemCode.MALFORMED_REQUEST, detail);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
