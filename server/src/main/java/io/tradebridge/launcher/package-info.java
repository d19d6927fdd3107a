/**
 * The executable jar: unpacks and starts the bundled Open Liberty server with Tradebridge's
 * settings.
 */
package io.tradebridge.launcher;
