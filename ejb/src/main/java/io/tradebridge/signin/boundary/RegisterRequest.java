package io.tradebridge.signin.boundary;

import io.tradebridge.common.control.Text;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** POST /api/v1/auth/register; the constraints are the whole rule, checked by Registration. */
public record RegisterRequest(
    @Schema(required = true, minLength = 3, maxLength = 32)
        @NotNull(message = "is required")
        @Text(min = 3, max = 32)
        @Pattern(
            regexp = USERNAME,
            message =
                "must start with a letter or digit and contain only letters, digits, '.', '_' or '-'")
        String username,
    @Schema(required = true, minLength = 3, maxLength = 254)
        @NotNull(message = "is required")
        @Text(min = 3, max = 254)
        @Pattern(regexp = EMAIL, message = "must be an e-mail address")
        String email,
    @Schema(required = true, minLength = 12, maxLength = 256)
        @NotNull(message = "is required")
        @Text(min = MIN_PASSWORD, max = MAX_PASSWORD)
        String password) {

  public static final String USERNAME = "[A-Za-z0-9][A-Za-z0-9._-]{2,31}";
  public static final String EMAIL = "[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+";
  public static final int MIN_PASSWORD = 12;
  public static final int MAX_PASSWORD = 256;

  @Override
  public String toString() {
    return "RegisterRequest[" + username + "]";
  }
}
