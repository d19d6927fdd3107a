/**
 * TOTP (RFC 6238) without a server: the algorithm, the verifier with replay refusal, QR codes,
 * recovery codes.
 */
package io.tradebridge.twofactor.control;
