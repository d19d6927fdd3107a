package io.tradebridge.rest.problem;

import io.tradebridge.common.control.ProblemCode;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/**
 * The error page (web.xml) for what the servlet container refuses on its own, before any filter or
 * resource runs: a path with an encoded {@code /}, {@code ..}, {@code \} or NUL, a URI it cannot
 * decode. It answers problem+json like the rest of the API instead of the container's HTML, and
 * says nothing about the request beyond its status.
 */
@WebServlet(urlPatterns = "/problem-page")
public class ProblemPage extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer i ? i : 404; // called directly: there is no such page
    Problems.write(response, problemFor(status));
  }

  static Problem problemFor(int status) {
    return switch (status) {
      case 404 -> Problems.problem(ProblemCode.NOT_FOUND, 404, "no such path", List.of(), 0);
      case 405 ->
          Problems.problem(
              ProblemCode.METHOD_NOT_ALLOWED,
              405,
              "this path does not take that method",
              List.of(),
              0);
      case 413, 414 ->
          Problems.problem(
              ProblemCode.MALFORMED_REQUEST, status, "the request is too large", List.of(), 0);
      case 500 ->
          Problems.problem(
              ProblemCode.INTERNAL, 500, "the server could not answer this request", List.of(), 0);
      default ->
          Problems.problem(
              ProblemCode.MALFORMED_REQUEST,
              status >= 400 && status < 500 ? status : 400,
              "the request's path or URI is malformed: an encoded '/', '\\', '..' or NUL is not allowed in a path",
              List.of(),
              0);
    };
  }
}
