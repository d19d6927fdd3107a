/**
 * Rules of protection without a server: protection settings, rate windows kept in memory, the
 * traffic queue, the text of security mails.
 */
package io.tradebridge.protection.control;
