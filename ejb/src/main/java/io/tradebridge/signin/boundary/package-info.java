/**
 * How a person gets in and looks after their own account: registration, sign-in with the code step,
 * password change and reset. Together with its resources in the web module (auth, me).
 */
package io.tradebridge.signin.boundary;
