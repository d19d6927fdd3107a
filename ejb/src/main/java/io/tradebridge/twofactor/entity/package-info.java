/** TOTP enrolments and recovery codes as stored (secrets encrypted, codes digested). */
package io.tradebridge.twofactor.entity;
