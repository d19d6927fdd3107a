/**
 * The shared kernel every component and layer may use: settings, the clock, identifiers, field
 * checks, the one exception family of Tradebridge and its problem codes. It depends on no
 * component.
 */
package io.tradebridge.common.control;
