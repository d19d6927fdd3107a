/**
 * Two-factor authentication: enrolment, the code step of sign-in, recovery codes, and the step-up
 * asked before anything touches credentials. Together with its resource in the web module.
 */
package io.tradebridge.twofactor.boundary;
