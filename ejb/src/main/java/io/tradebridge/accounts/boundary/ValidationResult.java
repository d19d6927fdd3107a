package io.tradebridge.accounts.boundary;

import io.tradebridge.accounts.entity.ValidationStatus;

/** What validating an account's broker login found. */
public record ValidationResult(ValidationStatus validationStatus, String message) {}
