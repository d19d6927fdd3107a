/** Which database this is, and the SQL that differs between Derby and PostgreSQL. */
package io.tradebridge.database.control;
