/**
 * The way in: every request's authentication (session, API key, single sign-on token), permission
 * and role checks, rate charging, the edge's headers and refusals, and the traffic log. Start at
 * Authenticator; a resource's Access annotation is what it reads.
 */
package io.tradebridge.web.security;
