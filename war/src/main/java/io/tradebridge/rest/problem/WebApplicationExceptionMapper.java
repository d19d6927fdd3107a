package io.tradebridge.rest.problem;

import io.tradebridge.common.control.ProblemCode;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * What the JAX-RS runtime itself refuses (unknown path, wrong method, wrong media type), as
 * problem+json.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  @Override
  public Response toResponse(WebApplicationException e) {
    int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
    Problem problem;
    if (e instanceof NotFoundException) {
      problem = Problems.problem(ProblemCode.NOT_FOUND, 404, "no such path", List.of(), 0);
    } else if (e instanceof NotAllowedException) {
      problem =
          Problems.problem(
              ProblemCode.METHOD_NOT_ALLOWED,
              405,
              "this path does not take that method",
              List.of(),
              0);
    } else if (e instanceof NotSupportedException) {
      problem =
          Problems.problem(
              ProblemCode.MALFORMED_REQUEST,
              415,
              "send the body as application/json",
              List.of(),
              0);
    } else if (status == 406) {
      problem =
          Problems.problem(
              ProblemCode.MALFORMED_REQUEST,
              406,
              "this endpoint answers with application/json",
              List.of(),
              0);
    } else if (status >= 400 && status < 500) {
      problem =
          Problems.problem(
              ProblemCode.MALFORMED_REQUEST, status, "the request could not be read", List.of(), 0);
    } else {
      return UnexpectedExceptionMapper.internal(e);
    }
    Response response = Problems.response(problem);
    if (e instanceof NotAllowedException
        && e.getResponse().getHeaderString(HttpHeaders.ALLOW) != null) {
      return Response.fromResponse(response)
          .header(HttpHeaders.ALLOW, e.getResponse().getHeaderString(HttpHeaders.ALLOW))
          .build();
    }
    return response;
  }
}
