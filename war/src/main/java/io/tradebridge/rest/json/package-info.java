/**
 * JSON on the wire, one binding both ways over JSON-P: request bodies are read strictly into
 * records ({@link io.tradebridge.rest.json.RecordBinder}: an unknown field, a wrong type or a
 * duplicate is named field by field, every error at once), answers are written from records ({@link
 * io.tradebridge.rest.json.RecordWriter}: every field present, null kept, declaration order). Both
 * sides share the UTF-8 and depth checks of JsonText.
 *
 * <p>Why not JSON-B both ways: JSON-B stops at the first problem with a message about Java types,
 * where a client needs every field it got wrong in its own words, and it leaves an unknown field
 * unnoticed unless the implementation is told otherwise; the records on the wire need nothing
 * JSON-B adds over these two small classes.
 */
package io.tradebridge.rest.json;
