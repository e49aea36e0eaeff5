package dev.warta.browser;

import static dev.warta.Fixtures.BACA_JUGA;
import static dev.warta.Fixtures.SAMPLE_TITLE;
import static dev.warta.Fixtures.TOKEN;
import static dev.warta.Fixtures.TOPIC_LABEL;
import static dev.warta.Fixtures.TOPIC_SLUG;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import dev.warta.Fixtures;
import dev.warta.TestDatabase;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A reader's path in headless Chromium: home → topic → article → its "Baca juga" → the Atom and RSS feeds,
 * which the browser shows through Warta's XSLT. Screenshots go to {@code target/screenshots/}.
 */
@QuarkusTest
class SyndicationBrowserTest {

    @Inject
    TestDatabase db;

    @TestHTTPResource("/")
    URL home;

    @BeforeEach
    void ingestSample() {
        db.clear();
        given().auth().oauth2(TOKEN).contentType("text/plain; charset=utf-8").body(Fixtures.sample())
                .post("/api/articles").then().statusCode(201);
    }

    static List<String> autodiscovery(WebDriver driver, String type) {
        return driver.findElements(By.cssSelector("link[rel=alternate][type='" + type + "']")).stream()
                .map(e -> e.getAttribute("href")).toList();
    }

    @Test
    void aReaderFollowsTheTopicToTheArticleAndOpensTheStyledFeed() {
        String base = home.toString().replaceAll("/$", "");
        try (Browser browser = Browser.start()) {
            WebDriver driver = browser.driver();

            driver.get(home.toString());
            WebElement topicLink = driver.findElement(By.linkText(TOPIC_LABEL));
            assertThat(driver.findElement(By.cssSelector("section.topic h2")).getText()).contains("4 entri");
            assertThat(autodiscovery(driver, "application/atom+xml")).containsExactly(base + "/feeds/all.atom");
            assertThat(autodiscovery(driver, "application/feed+json")).containsExactly(base + "/feeds/all.json");
            browser.screenshot("1-home");

            topicLink.click();
            assertThat(driver.getCurrentUrl()).isEqualTo(base + "/topics/" + TOPIC_SLUG);
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(TOPIC_LABEL);
            assertThat(autodiscovery(driver, "application/atom+xml")).containsExactly(base + "/feeds/topics/" + TOPIC_SLUG + ".atom");
            assertThat(autodiscovery(driver, "application/rss+xml")).containsExactly(base + "/feeds/topics/" + TOPIC_SLUG + ".rss");
            assertThat(autodiscovery(driver, "application/feed+json")).containsExactly(base + "/feeds/topics/" + TOPIC_SLUG + ".json");
            List<String> subscribe = driver.findElements(By.cssSelector("section.subscribe a")).stream().map(WebElement::getText)
                    .toList();
            assertThat(subscribe).containsExactly("Atom", "RSS", "JSON Feed", "OPML (semua topik)");
            browser.screenshot("2-topic");

            driver.findElement(By.linkText(SAMPLE_TITLE)).click();
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(SAMPLE_TITLE);
            assertThat(driver.findElement(By.cssSelector(".author")).getText()).isEqualTo("Yunita Rahmayanti");
            assertThat(driver.findElement(By.cssSelector(".editor")).getText()).isEqualTo("Whiesa Daniswara");
            assertThat(driver.findElements(By.cssSelector(".body h2")).stream().map(WebElement::getText).toList())
                    .contains("Latihan militer bersama");
            List<WebElement> bacaJuga = driver.findElements(By.cssSelector("ul.baca-juga a"));
            assertThat(bacaJuga.stream().map(WebElement::getText).toList()).containsExactly(BACA_JUGA);
            assertThat(autodiscovery(driver, "application/atom+xml")).containsExactly(base + "/feeds/topics/" + TOPIC_SLUG + ".atom");
            assertThat(autodiscovery(driver, "application/feed+json")).hasSize(1);
            String article = driver.getCurrentUrl();
            browser.screenshot("3-article");

            bacaJuga.get(0).click();
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(BACA_JUGA[0]);
            assertThat(driver.findElement(By.cssSelector(".linked-from a")).getText()).isEqualTo(SAMPLE_TITLE);
            browser.screenshot("4-baca-juga");

            driver.get(article);
            driver.manage().window().setSize(new Dimension(390, 844));
            JavascriptExecutor js = (JavascriptExecutor) driver;
            assertThat(((Number) js.executeScript("return document.documentElement.scrollWidth")).intValue())
                    .as("no sideways scrolling on a phone").isLessThanOrEqualTo(390);
            browser.screenshot("5-article-phone");
            driver.manage().window().setSize(new Dimension(1280, 1000));

            driver.get(base + "/topics/" + TOPIC_SLUG);
            driver.findElement(By.cssSelector("section.subscribe a[type='application/atom+xml']")).click();
            assertThat(driver.getCurrentUrl()).isEqualTo(base + "/feeds/topics/" + TOPIC_SLUG + ".atom");
            assertThat(Browser.await(driver, By.tagName("h1")).getText()).isEqualTo(TOPIC_LABEL);
            assertThat(driver.findElement(By.id("subscribe")).getText()).contains("Ini adalah feed")
                    .contains(base + "/feeds/topics/" + TOPIC_SLUG + ".atom");
            List<WebElement> entries = driver.findElements(By.cssSelector("ul.entries li a"));
            assertThat(entries).hasSize(4);
            assertThat(entries.get(0).getText()).isEqualTo(SAMPLE_TITLE);
            browser.screenshot("6-feed-atom");

            driver.get(base + "/feeds/topics/" + TOPIC_SLUG + ".rss");
            assertThat(Browser.await(driver, By.tagName("h1")).getText()).isEqualTo(TOPIC_LABEL);
            assertThat(driver.findElement(By.id("subscribe")).getText()).contains(base + "/feeds/topics/" + TOPIC_SLUG + ".rss");
            assertThat(driver.findElements(By.cssSelector("ul.entries li a"))).hasSize(4);
            browser.screenshot("7-feed-rss");
        }
    }
}
