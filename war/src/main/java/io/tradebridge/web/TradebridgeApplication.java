package io.tradebridge.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Everything under /api is JAX-RS, so that unknown paths there get problem+json too. */
@ApplicationPath("/api")
public class TradebridgeApplication extends Application {}
