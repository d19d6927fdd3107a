/** The command line of the Excel bridge: validate, submit, watch, pull, status, template. */
package io.tradebridge.excel.boundary;
