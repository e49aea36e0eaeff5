package dev.warta.browser;

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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import dev.warta.Fixtures;
import dev.warta.TestDatabase;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every feed address opened in a Chromium that has no XSLT (as browsers are dropping it): each shows Warta's page of
 * the feed, built by the server, not by a stylesheet. Screenshots go to {@code target/screenshots/}.
 */
@QuarkusTest
class FeedPageBrowserTest {

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

    @Test
    void everyFeedAddressShowsItsPageWithoutXslt() {
        String base = home.toString().replaceAll("/$", "");
        String feeds = base + "/feeds/topics/" + TOPIC_SLUG;
        try (Browser browser = Browser.start("--disable-features=XSLT")) {
            WebDriver driver = browser.driver();
            JavascriptExecutor js = (JavascriptExecutor) driver;
            for (String suffix : List.of(".atom", ".rss", ".json", "")) {
                driver.get(feeds + suffix);
                assertThat(Browser.await(driver, By.tagName("h1")).getText()).as(suffix).isEqualTo(TOPIC_LABEL);
                assertThat(js.executeScript("return typeof XSLTProcessor")).as("XSLT is off").isEqualTo("undefined");
                assertThat(driver.findElement(By.id("subscribe")).getText()).as(suffix).contains("Ini adalah feed")
                        .contains(feeds + (suffix.isEmpty() ? ".atom" : suffix));
                List<WebElement> entries = driver.findElements(By.cssSelector("ul.entries li > a"));
                assertThat(entries).as(suffix).hasSize(4);
                assertThat(entries.get(0).getText()).isEqualTo(SAMPLE_TITLE);
                List<String> dates = driver.findElements(By.cssSelector("ul.entries time")).stream()
                        .map(WebElement::getText).toList();
                assertThat(dates).as("Indonesian dates; the sample gives only its day").contains("Senin, 19 Desember 2022");
                assertThat(dates).allSatisfy(d -> assertThat(d)
                        .matches("(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu), \\d{1,2} \\p{L}+ \\d{4}( \\d{2}:\\d{2} WIB)?"));
                browser.screenshot("feed-page" + (suffix.isEmpty() ? "-negotiated" : "-" + suffix.substring(1)));
            }
        }
    }
}
