package io.tradebridge.e2e;

import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One server for all end-to-end classes of a test run (a Liberty start costs ~15 s here). Tests
 * share it safely because each creates its own users. Set {@code -Dtradebridge.url} to test a server
 * that is already running instead.
 */
public final class SharedServer implements ParameterResolver {

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Api.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    String url = System.getProperty("tradebridge.url");
    if (url != null && !url.isBlank()) {
      return new Api(url);
    }
    Holder holder = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(Holder.class, k -> new Holder(), Holder.class);
    return new Api(holder.server.baseUrl());
  }

  /** Closed by JUnit when the whole run ends. */
  static final class Holder implements ExtensionContext.Store.CloseableResource {
    final RunningServer server = new RunningServer(RunningServer.newHome("shared"), Map.of()).start();

    @Override
    public void close() {
      server.stop();
    }
  }
}
