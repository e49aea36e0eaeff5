package dev.warta.web;

import static dev.warta.Fixtures.TOKEN;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.warta.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;

/** The entry page shows the lead image above the body: lazy, sized when the size is known, with alt text, caption, credit. */
@QuarkusTest
class EntryPageImageTest {

    static final String TITLE = "Panen Raya di Subak Jatiluwih";

    @Inject
    TestDatabase db;

    @BeforeEach
    void emptyDatabase() {
        db.clear();
    }

    static long publish(Object image, String contentHtml) {
        Map<String, Object> article = new HashMap<>(Map.of("title", TITLE, "contentHtml", contentHtml,
                "published", "2022-12-21T10:00:00+07:00", "topics", List.of("Foto")));
        article.put("image", image);
        return given().auth().oauth2(TOKEN).contentType("application/json").body(article).post("/api/articles")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static Document page(long id) {
        String html = given().get("/entries/" + id).then().statusCode(200).extract().asString();
        return Jsoup.parse(html);
    }

    @Test
    void showsTheImageWithItsSizeAltTextCaptionAndCredit() {
        long id = publish(Map.of("url", "https://foto.example/jatiluwih.jpg?w=1280&h=720", "width", 1280, "height", 720,
                "caption", "Petani memanen padi <di> Jatiluwih", "credit", "Made Wirya"), "<p>Petani memanen padi.</p>");
        Element figure = page(id).selectFirst("article figure.lead-image");
        assertThat(figure).as("the lead image's figure").isNotNull();
        Element img = figure.selectFirst("img");
        assertThat(img.attr("src")).isEqualTo("https://foto.example/jatiluwih.jpg?w=1280&h=720");
        assertThat(img.attr("alt")).isEqualTo("Petani memanen padi <di> Jatiluwih");
        assertThat(img.attr("loading")).isEqualTo("lazy");
        assertThat(img.attr("width")).isEqualTo("1280");
        assertThat(img.attr("height")).isEqualTo("720");
        assertThat(figure.selectFirst("figcaption").text()).isEqualTo("Petani memanen padi <di> Jatiluwih (Foto: Made Wirya)");
        assertThat(figure.select("figcaption .credit").text()).isEqualTo("(Foto: Made Wirya)");
        assertThat(figure.select("figcaption *").stream().map(Element::tagName)).as("the caption is text, escaped")
                .containsExactly("span");
        assertThat(figure.nextElementSibling().hasClass("body")).as("above the body").isTrue();
    }

    @Test
    void anImageKnownOnlyByItsAddressHasNoSizeAndTheTitleForAltText() {
        long id = publish("https://foto.example/jatiluwih.jpg", "<p>Petani memanen padi.</p>");
        Element figure = page(id).selectFirst("figure.lead-image");
        Element img = figure.selectFirst("img");
        assertThat(img.attr("alt")).isEqualTo(TITLE);
        assertThat(img.attr("loading")).isEqualTo("lazy");
        assertThat(img.hasAttr("width")).isFalse();
        assertThat(img.hasAttr("height")).isFalse();
        assertThat(figure.select("figcaption")).isEmpty();
    }

    @Test
    void anImageTheBodyAlreadyShowsIsNotShownTwice() {
        long id = publish("https://foto.example/jatiluwih.jpg",
                "<p><img src=\"https://foto.example/jatiluwih.jpg\" alt=\"\"> Petani memanen padi.</p>");
        Document page = page(id);
        assertThat(page.select("figure.lead-image")).isEmpty();
        assertThat(page.select("article img[src=https://foto.example/jatiluwih.jpg]")).hasSize(1);
    }

    @Test
    void aNewCaptionAloneShowsOnTheCachedPageAndInTheFeed() {
        Map<String, Object> image = new HashMap<>(Map.of("url", "https://foto.example/jatiluwih.jpg", "caption", "Petani memanen padi"));
        long id = publish(image, "<p>Petani memanen padi.</p>");
        assertThat(page(id).select("figcaption").text()).isEqualTo("Petani memanen padi");
        assertThat(feedCaption()).isEqualTo("Petani memanen padi");

        image.put("caption", "Petani memanen padi di Jatiluwih");
        Map<String, Object> article = new HashMap<>(Map.of("title", TITLE, "contentHtml", "<p>Petani memanen padi.</p>",
                "published", "2022-12-21T10:00:00+07:00", "topics", List.of("Foto"), "image", image));
        given().auth().oauth2(TOKEN).contentType("application/json").body(article).post("/api/articles")
                .then().statusCode(200).header("Warta-Ingest-Outcome", "updated");
        assertThat(page(id).select("figcaption").text()).as("the page's version moved with the row").isEqualTo("Petani memanen padi di Jatiluwih");
        assertThat(feedCaption()).as("the feed's version moved too").isEqualTo("Petani memanen padi di Jatiluwih");
    }

    private static String feedCaption() {
        byte[] atom = given().get("/feeds/topics/foto.atom").then().statusCode(200).extract().asByteArray();
        var media = (com.rometools.modules.mediarss.MediaEntryModule) dev.warta.FeedReader.synd(atom).getEntries().get(0)
                .getModule(com.rometools.modules.mediarss.MediaModule.URI);
        return media.getMediaContents()[0].getMetadata().getDescription();
    }

    @Test
    void anEntryWithoutImageHasNoFigure() {
        long id = publish(null, "<p>Petani memanen padi.</p>");
        assertThat(page(id).select("figure.lead-image, article img")).isEmpty();
    }
}
