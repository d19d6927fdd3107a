/**
 * Start-up checks, readiness and liveness, and the watch that stops the server with its launcher.
 */
package io.tradebridge.web.health;
