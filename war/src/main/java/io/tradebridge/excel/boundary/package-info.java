/**
 * The Excel add-in's way in (API.md, "Excel add-in"): its manifest, written for this server's
 * public address. The add-in's pages and modules are static files of the bridge's jar ({@code
 * META-INF/resources/excel}).
 */
package io.tradebridge.excel.boundary;
