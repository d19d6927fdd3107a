package io.tradebridge.apikeys.boundary;

import io.tradebridge.access.entity.KeyEnvironment;
import io.tradebridge.access.entity.OrderMode;
import io.tradebridge.access.entity.Permission;
import io.tradebridge.common.control.Text;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** POST /api/v1/keys. {@code orderMode} defaults to AUTO. */
public record NewKeyRequest(
    @Schema(required = true, minLength = 1, maxLength = 64)
        @NotNull(message = "is required")
        @Text(min = 1, max = 64)
        String label,
    @Schema(required = true) @NotNull(message = "is required") KeyEnvironment environment,
    @Schema(required = true, minItems = 1)
        @NotNull(message = "is required")
        @Size(min = 1, message = "must name at least one of READ, TRADE")
        Set<Permission> permissions,
    @Schema(maxItems = 50) List<String> ipAllowlist,
    Instant expiresAt,
    OrderMode orderMode,
    @Schema(maxLength = 256) @Text(max = 256) String password,
    String totpCode) {

  @Override
  public String toString() {
    return "NewKeyRequest[" + label + "]";
  }
}
