/**
 * Enterprise single sign-on: a verified token becomes a Tradebridge user, created on first sight
 * and following the identity provider's groups.
 */
package io.tradebridge.sso.boundary;
