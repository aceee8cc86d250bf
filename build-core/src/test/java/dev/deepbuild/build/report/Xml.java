package dev.deepbuild.build.report;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** A real XML parser over the reports, which are well-formed XML, pages included. */
final class Xml {
  private Xml() {}

  static Document parse(String text) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(text)));
  }

  static List<Element> elements(Document document, String tag) {
    NodeList nodes = document.getElementsByTagName(tag);
    List<Element> elements = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      elements.add((Element) nodes.item(i));
    }
    return elements;
  }

  /** The elements named {@code tag} whose class attribute lists {@code styleClass}. */
  static List<Element> withClass(Document document, String tag, String styleClass) {
    return elements(document, tag).stream()
        .filter(e -> List.of(e.getAttribute("class").split(" ")).contains(styleClass)).toList();
  }
}
