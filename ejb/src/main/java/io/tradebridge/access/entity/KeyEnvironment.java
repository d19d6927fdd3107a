package io.tradebridge.access.entity;

/** LIVE keys trade on any account; TEST keys ({@code tb_test_}) only on the paper broker. */
public enum KeyEnvironment {
  LIVE,
  TEST
}
