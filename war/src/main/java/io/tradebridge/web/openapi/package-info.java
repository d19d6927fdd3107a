/** What makes /openapi tell the truth about answers and problems. */
package io.tradebridge.web.openapi;
