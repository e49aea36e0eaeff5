package dev.warta.publish;

import static dev.warta.Fixtures.BACA_JUGA;
import static dev.warta.Fixtures.TOKEN;
import static dev.warta.Fixtures.TOPIC_SLUG;
import static dev.warta.Http.get;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import dev.warta.Fixtures;
import dev.warta.TestDatabase;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 10, "validator-clean": what the W3C Feed Validation Service warned about, read as the validator reads the
 * documents (namespace-aware DOM, not Rome). It warned "Missing textual content" on the Atom feed because stubs had
 * neither summary nor content: every entry of a topic feed holding an article and its stubs has text, in Atom and
 * RSS. It warned "Undefined head element: docs" on {@code /feeds.opml}: the head holds only elements it knows.
 */
@QuarkusTest
class ValidatorCleanTest {

    static final String ATOM = "http://www.w3.org/2005/Atom";

    @Inject
    TestDatabase db;

    @TestHTTPResource("/")
    URL root;

    @BeforeEach
    void ingestSampleWithItsStubs() {
        db.clear();
        given().auth().oauth2(TOKEN).contentType("text/plain; charset=utf-8").body(Fixtures.sample())
                .post("/api/articles").then().statusCode(201);
    }

    Document feed(String extension) throws Exception {
        return document("/feeds/topics/" + TOPIC_SLUG + extension);
    }

    Document document(String path) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        byte[] body = get(root.toString().replaceAll("/$", "") + path).body();
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(body));
    }

    static List<Element> children(Element parent, String ns, String name) {
        List<Element> found = new ArrayList<>();
        NodeList list = parent.getElementsByTagNameNS(ns, name);
        for (int i = 0; i < list.getLength(); i++) {
            if (list.item(i).getParentNode() == parent) {
                found.add((Element) list.item(i));
            }
        }
        return found;
    }

    static String title(Element entry, String ns) {
        return children(entry, ns, "title").get(0).getTextContent();
    }

    @Test
    void everyAtomEntryHasANonEmptySummaryOrContent() throws Exception {
        Element root = feed(".atom").getDocumentElement();
        List<Element> entries = children(root, ATOM, "entry");
        assertThat(entries).extracting(e -> title(e, ATOM)).as("the article and its three stubs").hasSize(1 + BACA_JUGA.length)
                .contains(BACA_JUGA);
        for (Element entry : entries) {
            List<String> texts = new ArrayList<>();
            children(entry, ATOM, "summary").forEach(s -> texts.add(s.getTextContent()));
            children(entry, ATOM, "content").forEach(c -> texts.add(c.getTextContent()));
            assertThat(texts).as("text of \"%s\"", title(entry, ATOM)).anySatisfy(t -> assertThat(t).isNotBlank());
        }
    }

    @Test
    void everyRssItemHasANonEmptyDescription() throws Exception {
        Element channel = children(feed(".rss").getDocumentElement(), null, "channel").get(0);
        List<Element> items = children(channel, null, "item");
        assertThat(items).hasSize(1 + BACA_JUGA.length);
        for (Element item : items) {
            List<Element> description = children(item, null, "description");
            assertThat(description).as("description of \"%s\"", title(item, null)).hasSize(1);
            assertThat(description.get(0).getTextContent()).as("description of \"%s\"", title(item, null)).isNotBlank();
        }
    }

    /** The OPML head elements the validator knows (its {@code opmlHead}); OPML 2.0's optional {@code docs} is not one. */
    static final List<String> OPML_HEAD = List.of("title", "dateCreated", "dateModified", "ownerName", "ownerEmail",
            "ownerId", "expansionState", "vertScrollState", "windowTop", "windowLeft", "windowBottom", "windowRight");

    @Test
    void opmlHeadHoldsOnlyElementsTheValidatorKnows() throws Exception {
        Element head = children(document("/feeds.opml").getDocumentElement(), null, "head").get(0);
        NodeList all = head.getChildNodes();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < all.getLength(); i++) {
            if (all.item(i) instanceof Element e) {
                names.add(e.getLocalName());
            }
        }
        assertThat(names).contains("title", "dateModified");
        assertThat(OPML_HEAD).containsAll(names);
    }
}
