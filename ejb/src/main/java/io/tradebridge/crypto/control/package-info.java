/**
 * The one place where secrets are handled: the master key, the keys derived from it, AES-GCM
 * encryption of secrets that must be shown again, HMAC digests of secrets that only need to be
 * recognised, and password hashing.
 */
package io.tradebridge.crypto.control;
