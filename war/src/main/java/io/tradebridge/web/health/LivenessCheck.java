package io.tradebridge.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Alive means the JVM still has room to work; a restart is the cure when it does not. */
@Liveness
@ApplicationScoped
public class LivenessCheck implements HealthCheck {

  private static final double MAX_HEAP_USE = 0.95;

  @Override
  public HealthCheckResponse call() {
    Runtime rt = Runtime.getRuntime();
    double used = (double) (rt.totalMemory() - rt.freeMemory()) / rt.maxMemory();
    return HealthCheckResponse.named("heap")
        .status(used < MAX_HEAP_USE)
        .withData("usedFraction", String.format("%.2f", used))
        .build();
  }
}
