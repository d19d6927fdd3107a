package io.tradebridge.signin.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tradebridge.common.control.FieldChecks;
import io.tradebridge.common.control.TradebridgeException;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegisterRequestTest {

  @Test
  void aShortOddUsernameGetsBothReasonsInDeclarationOrder() {
    List<String> errors =
        errors(new RegisterRequest("a!", "trader@example.com", "a long enough password"));

    assertEquals(
        List.of(
            "username must be at least 3 characters",
            "username must start with a letter or digit and contain only letters, digits, '.',"
                + " '_' or '-'"),
        errors);
  }

  @Test
  void anAddressWithoutAtAndAShortPasswordAreBothNamed() {
    List<String> errors = errors(new RegisterRequest("trader1", "trader.example.com", "short"));

    assertEquals(
        List.of("email must be an e-mail address", "password must be at least 12 characters"),
        errors);
  }

  @Test
  void aGoodRegistrationPasses() {
    new FieldChecks()
        .constraintsOf(new RegisterRequest("trader-1", "t@example.com", "twelve chars!"))
        .orThrow();
  }

  private static List<String> errors(RegisterRequest request) {
    TradebridgeException e =
        assertThrows(
            TradebridgeException.class, () -> new FieldChecks().constraintsOf(request).orThrow());
    return e.errors().stream().map(f -> f.field() + " " + f.message()).toList();
  }
}
