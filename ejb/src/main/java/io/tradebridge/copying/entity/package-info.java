/** Copy rules, their children and the log of every copy made or refused. */
package io.tradebridge.copying.entity;
