package io.tradebridge.excel.client;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Turns every error answer (problem+json, or anything else with a 4xx/5xx status) into an {@link
 * ApiProblem}.
 */
public class ProblemMapper implements ResponseExceptionMapper<ApiProblem> {

  @Override
  public boolean handles(int status, MultivaluedMap<String, Object> headers) {
    return status >= 400;
  }

  @Override
  public ApiProblem toThrowable(Response response) {
    Wire.Problem problem = null;
    MediaType type = response.getMediaType();
    if (type != null && type.getSubtype().endsWith("json")) {
      try {
        response.bufferEntity();
        problem = response.readEntity(Wire.Problem.class);
      } catch (RuntimeException unreadable) {
        problem = null;
      }
    }
    return ApiProblem.of(
        response.getStatus(), problem, retryAfter(response.getHeaderString("Retry-After")));
  }

  private static Long retryAfter(String header) {
    try {
      return header == null ? null : Long.valueOf(header.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
