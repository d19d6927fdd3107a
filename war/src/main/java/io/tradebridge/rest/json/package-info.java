/**
 * JSON on the wire: request bodies read strictly into records (RecordBinder over JSON-P, so that an
 * unknown field, a wrong type or a duplicate is named field by field), answers written with JSON-B
 * with null values kept. Both sides share the UTF-8 and depth checks of JsonText.
 */
package io.tradebridge.rest.json;
