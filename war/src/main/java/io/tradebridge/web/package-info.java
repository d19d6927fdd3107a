/**
 * The web application's composition: the JAX-RS application and, in its sub-packages, the way in
 * (security), health and start-up (health) and the OpenAPI document (openapi). Nothing depends on
 * web; web may use every component it wires.
 */
package io.tradebridge.web;
