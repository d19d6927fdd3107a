/**
 * The HTTP conventions every resource shares, without knowing any feature: query parameters, strict
 * JSON (rest.json), problem+json (rest.problem).
 */
package io.tradebridge.rest;
