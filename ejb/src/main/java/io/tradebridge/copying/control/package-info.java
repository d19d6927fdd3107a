/** Copy trading's rules that need no server: sizes, pieces, the active window, cycles, the plan. */
package io.tradebridge.copying.control;
