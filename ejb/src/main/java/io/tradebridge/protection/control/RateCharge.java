package io.tradebridge.protection.control;

import io.tradebridge.protection.entity.RateRule;

/** One counter ({@code bucket}) and how much a request takes from it under its rule. */
public record RateCharge(String bucket, RateRule rule, int n) {}
