/**
 * The single place where an error becomes problem+json: the exception mappers, the container's
 * error pages, and a writer for answers given before JAX-RS.
 */
package io.tradebridge.rest.problem;
