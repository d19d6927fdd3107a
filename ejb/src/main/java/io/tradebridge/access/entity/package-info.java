/**
 * Who a caller is, as every component sees it: the checked API key (KeyCaller) with its
 * permissions, environment and order mode, and the IP allowlist a key or a proxy list is written
 * in. Vocabulary only: it depends on nothing but the shared kernel, so the resources of every
 * component can name it without depending on the way in.
 */
package io.tradebridge.access.entity;
