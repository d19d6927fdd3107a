/**
 * Users: lookup, sessions, lockout bookkeeping, first-administrator setup, administration, and the
 * security mails sent to a user. Together with its resources in the web module (sessions,
 * administration).
 */
package io.tradebridge.users.boundary;
