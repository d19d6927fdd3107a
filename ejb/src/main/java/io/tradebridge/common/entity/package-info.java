/** The shared kernel's persistence helpers (instants stored as UTC timestamps). */
package io.tradebridge.common.entity;
