package dev.warta.publish;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** A sitemap read back as a crawler reads it: namespace-aware DOM, XPath with the two namespaces bound. */
final class SitemapXml {

    static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";

    final Document doc;
    private final XPath xpath;

    SitemapXml(byte[] bytes) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
        } catch (Exception e) {
            throw new AssertionError("not XML: " + new String(bytes, java.nio.charset.StandardCharsets.UTF_8), e);
        }
        xpath = XPathFactory.newInstance().newXPath();
        xpath.setNamespaceContext(new NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                return switch (prefix) {
                    case "s" -> SITEMAP_NS;
                    case "news" -> NEWS_NS;
                    default -> XMLConstants.NULL_NS_URI;
                };
            }

            @Override
            public String getPrefix(String uri) {
                return null;
            }

            @Override
            public Iterator<String> getPrefixes(String uri) {
                return null;
            }
        });
    }

    List<Node> nodes(String expression) {
        return nodes(doc, expression);
    }

    List<Node> nodes(Node context, String expression) {
        try {
            NodeList list = (NodeList) xpath.evaluate(expression, context, XPathConstants.NODESET);
            List<Node> nodes = new ArrayList<>();
            for (int i = 0; i < list.getLength(); i++) {
                nodes.add(list.item(i));
            }
            return nodes;
        } catch (Exception e) {
            throw new AssertionError(expression, e);
        }
    }

    /** The text of the one node the expression finds under {@code context}; fails unless there is exactly one. */
    String one(Node context, String expression) {
        List<Node> found = nodes(context, expression);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + expression + ", found " + found.size());
        }
        return found.get(0).getTextContent();
    }

    List<String> texts(String expression) {
        return nodes(expression).stream().map(Node::getTextContent).toList();
    }
}
