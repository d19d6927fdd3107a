/**
 * Protection: rate limits, the security event log, the traffic log, the mail sender, the request's
 * origin and the protection metrics. Together with the security-event and traffic resources in the
 * web module.
 */
package io.tradebridge.protection.boundary;
