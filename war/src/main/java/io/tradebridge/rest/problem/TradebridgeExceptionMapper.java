package io.tradebridge.rest.problem;

import io.tradebridge.common.control.TradebridgeException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Business outcomes that are errors, as problem+json. */
@Provider
public class TradebridgeExceptionMapper implements ExceptionMapper<TradebridgeException> {

  @Override
  public Response toResponse(TradebridgeException e) {
    return Problems.response(Problems.of(e));
  }
}
