package io.tradebridge.orders.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Tells whoever listens that orders were placed, changed or cancelled here, so that work which
 * follows orders (copy trading) starts at once instead of at its next look. A signal carries no
 * order: listeners read what changed themselves, and a missed signal only delays them until they
 * look anyway. A plain CDI bean, so that a signal costs the order desk next to nothing.
 */
@ApplicationScoped
public class OrderSignals {

  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  public void listen(Runnable listener) {
    listeners.add(listener);
  }

  public void forget(Runnable listener) {
    listeners.remove(listener);
  }

  /** Orders changed and are committed. Listeners must return at once. */
  public void changed() {
    for (Runnable l : listeners) {
      l.run();
    }
  }
}
