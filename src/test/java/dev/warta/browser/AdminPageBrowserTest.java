package dev.warta.browser;

import static dev.warta.Fixtures.BACA_JUGA;
import static dev.warta.Fixtures.SAMPLE_TITLE;
import static dev.warta.Fixtures.TOKEN;
import static dev.warta.Fixtures.TOPIC_LABEL;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;

import dev.warta.FeedReader;
import dev.warta.Fixtures;
import dev.warta.TestDatabase;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** An editor in headless Chromium: signs in, previews the sample article, publishes it, finds it; a bad paste shows why. */
@QuarkusTest
class AdminPageBrowserTest {

    @TestHTTPResource("/admin")
    URL admin;

    @Inject
    TestDatabase db;

    @BeforeEach
    void emptyDatabase() {
        db.clear();
    }

    /** Puts text in the article box as a paste would (typing 5 kB key by key adds nothing to the test). */
    private static void paste(WebDriver driver, String text) {
        WebElement box = driver.findElement(By.id("content"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", box, text);
    }

    private static void signIn(WebDriver driver, String adminUrl) {
        driver.get(adminUrl);
        Browser.await(driver, By.id("token")).sendKeys(TOKEN);
        driver.findElement(By.id("sign-in")).click();
        Browser.await(driver, By.id("article-form"));
    }

    @Test
    void anEditorPreviewsPublishesAndFindsTheSampleArticle() {
        try (Browser browser = Browser.start()) {
            WebDriver driver = browser.driver();
            driver.get(admin.toString());
            assertThat(driver.getCurrentUrl()).doesNotContain(TOKEN);
            browser.screenshot("admin-1-sign-in");
            signIn(driver, admin.toString());
            assertThat(driver.getCurrentUrl()).doesNotContain(TOKEN);

            paste(driver, Fixtures.sample());
            driver.findElement(By.id("preview")).click();
            WebElement preview = Browser.await(driver, By.id("preview-result"));
            assertThat(preview.findElement(By.className("preview-title")).getText()).isEqualTo(SAMPLE_TITLE);
            assertThat(preview.findElement(By.className("author")).getText()).isEqualTo("Yunita Rahmayanti");
            assertThat(preview.findElement(By.className("editor")).getText()).isEqualTo("Whiesa Daniswara");
            assertThat(preview.findElement(By.className("published")).getText()).isEqualTo("Senin, 19 Desember 2022");
            assertThat(preview.findElements(By.className("topic"))).extracting(WebElement::getText).containsExactly(TOPIC_LABEL);
            assertThat(preview.findElements(By.cssSelector(".baca-juga .related-title"))).extracting(WebElement::getText)
                    .containsExactly(BACA_JUGA);
            assertThat(db.count("entry")).as("a preview stores nothing").isZero();
            assertThat(((Number) ((JavascriptExecutor) driver).executeScript(
                    "return arguments[0].getBoundingClientRect().top;", preview)).doubleValue())
                    .as("the page opens at the preview").isLessThan(200);
            browser.screenshot("admin-2-preview");

            driver.findElement(By.id("publish")).click();
            WebElement flash = Browser.await(driver, By.id("flash"));
            assertThat(flash.getText()).startsWith("Diterbitkan: " + SAMPLE_TITLE);
            browser.screenshot("admin-3-published");

            driver.findElement(By.linkText(TOPIC_LABEL)).click();
            Browser.await(driver, By.cssSelector("ul.entries"));
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(TOPIC_LABEL);
            assertThat(driver.findElements(By.cssSelector("ul.entries li > a"))).extracting(WebElement::getText)
                    .contains(SAMPLE_TITLE);
            browser.screenshot("admin-4-topic-page");

            String atom = driver.findElement(By.cssSelector("link[rel=alternate][type='application/atom+xml']"))
                    .getAttribute("href");
            Feed feed = FeedReader.atom(given().get(atom).then().statusCode(200).extract().asByteArray());
            assertThat(feed.getEntries()).extracting(Entry::getTitle).contains(SAMPLE_TITLE);
        }
    }

    @Test
    void anInvalidPasteShowsTheError() {
        try (Browser browser = Browser.start()) {
            WebDriver driver = browser.driver();
            signIn(driver, admin.toString());
            paste(driver, "Penulis: Yunita Rahmayanti\nTRIBUNNEWS.COM - Isi berita tanpa judul.");
            driver.findElement(By.id("preview")).click();

            WebElement error = Browser.await(driver, By.id("error"));
            assertThat(error.getText()).contains("Bukan artikel dalam format teks redaksi")
                    // Issue 11: the editor page words the parser's fault in Indonesian (it said "headline" before).
                    .contains("Baris pertama harus judul").contains("baris 1");
            assertThat(driver.findElement(By.id("content")).getAttribute("value")).startsWith("Penulis: Yunita Rahmayanti");
            assertThat(driver.findElements(By.id("preview-result"))).isEmpty();
            browser.screenshot("admin-5-invalid-paste");
            assertThat(db.count("entry")).isZero();
        }
    }
}
