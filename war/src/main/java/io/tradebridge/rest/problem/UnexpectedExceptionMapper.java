package io.tradebridge.rest.problem;

import io.tradebridge.common.control.ProblemCode;
import io.tradebridge.common.control.TradebridgeException;
import jakarta.ejb.EJBException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The catch-all: a 500 that names an instance id the operator finds in the log, and nothing else —
 * no stack trace, no SQL, no class names reach the caller.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

  @Override
  public Response toResponse(Throwable e) {
    Throwable cause = e instanceof EJBException && e.getCause() != null ? e.getCause() : e;
    if (cause instanceof TradebridgeException t) {
      return new TradebridgeExceptionMapper().toResponse(t);
    }
    return internal(cause);
  }

  static Response internal(Throwable e) {
    Problem problem =
        Problems.problem(
            ProblemCode.INTERNAL,
            500,
            "something went wrong on the server; quote the instance id to the operator",
            List.of(),
            0);
    LOG.log(Level.SEVERE, "request failed, problem " + problem.instance(), e);
    return Problems.response(problem);
  }
}
