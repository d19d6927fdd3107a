package io.tradebridge.excel.control;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import org.apache.poi.util.XMLHelper;

/**
 * Writes the parts {@link XlsxRewrite} changes, copying XML from a StAX reader to a writer event by
 * event as it was: prefixes, namespace declarations and attributes kept, so that what passes
 * through stays what the spreadsheet program wrote (Excel's {@code mc:Ignorable} prefixes must
 * still be declared).
 */
final class XmlCopy {

  /** Parsers and writers with POI's hardening: no DTDs, no external entities. */
  static final XMLInputFactory INPUTS = XMLHelper.newXMLInputFactory();

  static final XMLOutputFactory OUTPUTS = XMLHelper.newXMLOutputFactory();

  /** What a part holds, written once its declaration is. */
  interface Body {
    void write(XMLStreamWriter w) throws XMLStreamException;
  }

  private XmlCopy() {}

  /**
   * Writes one part of the package: the XML declaration Excel writes, then the body, through a
   * buffer (the writer emits many small strings); flushed, the stream left open for the next zip
   * entry.
   */
  static void part(OutputStream out, Body body) throws IOException, XMLStreamException {
    Writer text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    text.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
    XMLStreamWriter w = OUTPUTS.createXMLStreamWriter(text);
    body.write(w);
    w.flush();
    text.flush();
  }

  static String prefix(String prefix) {
    return prefix == null ? "" : prefix;
  }

  /** Copies the reader's current event. */
  static void event(XMLStreamReader r, XMLStreamWriter w) throws XMLStreamException {
    switch (r.getEventType()) {
      case XMLStreamConstants.START_ELEMENT -> start(r, w, null);
      case XMLStreamConstants.END_ELEMENT -> w.writeEndElement();
      case XMLStreamConstants.CHARACTERS, XMLStreamConstants.SPACE ->
          w.writeCharacters(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
      case XMLStreamConstants.CDATA -> w.writeCData(r.getText());
      case XMLStreamConstants.COMMENT -> w.writeComment(r.getText());
      case XMLStreamConstants.PROCESSING_INSTRUCTION ->
          w.writeProcessingInstruction(r.getPITarget(), r.getPIData());
      default -> {}
    }
  }

  /**
   * Copies a start element with its namespace declarations and attributes, leaving out one
   * attribute.
   */
  static void start(XMLStreamReader r, XMLStreamWriter w, String without)
      throws XMLStreamException {
    w.writeStartElement(
        prefix(r.getPrefix()),
        r.getLocalName(),
        r.getNamespaceURI() == null ? "" : r.getNamespaceURI());
    for (int i = 0; i < r.getNamespaceCount(); i++) {
      String p = r.getNamespacePrefix(i);
      if (p == null || p.isEmpty()) {
        w.writeDefaultNamespace(r.getNamespaceURI(i));
      } else {
        w.writeNamespace(p, r.getNamespaceURI(i));
      }
    }
    for (int i = 0; i < r.getAttributeCount(); i++) {
      String ns = r.getAttributeNamespace(i);
      String local = r.getAttributeLocalName(i);
      if ((ns == null || ns.isEmpty()) && local.equals(without)) {
        continue;
      }
      if (ns == null || ns.isEmpty()) {
        w.writeAttribute(local, r.getAttributeValue(i));
      } else {
        w.writeAttribute(prefix(r.getAttributePrefix(i)), ns, local, r.getAttributeValue(i));
      }
    }
  }

  /**
   * Reads on to the end of the element whose start was just read, copying what it holds and its end
   * when {@code w} is given, dropping them when it is null.
   */
  static void rest(XMLStreamReader r, XMLStreamWriter w) throws XMLStreamException {
    int depth = 1;
    while (depth > 0 && r.hasNext()) {
      int event = r.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
      if (w != null) {
        event(r, w);
      }
    }
  }
}
