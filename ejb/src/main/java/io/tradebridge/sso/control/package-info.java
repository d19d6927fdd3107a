/** Single sign-on without a server: its settings and the token verifier (SmallRye JWT). */
package io.tradebridge.sso.control;
