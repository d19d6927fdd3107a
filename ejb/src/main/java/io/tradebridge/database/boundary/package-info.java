/**
 * The database itself: its schema, brought to this release's version by versioned migrations at
 * start-up, and the facts every server sharing it must agree on — the master key's check value and
 * which server holds the work that must happen once.
 */
package io.tradebridge.database.boundary;
