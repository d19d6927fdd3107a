/** An API key as stored: encrypted and digested, never in clear. */
package io.tradebridge.apikeys.entity;
