/**
 * API keys: issue, list, change (a step-up before one gains power), reveal, regenerate, revoke, and
 * check a presented key. Together with its resources in the web module.
 */
package io.tradebridge.apikeys.boundary;
