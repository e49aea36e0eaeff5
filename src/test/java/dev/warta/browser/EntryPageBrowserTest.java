package dev.warta.browser;

import static dev.warta.Fixtures.SAMPLE_TITLE;
import static dev.warta.Fixtures.TOKEN;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import dev.warta.Fixtures;
import dev.warta.TestDatabase;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** An entry page on a phone: the headline leaves room for the article. Screenshots go to {@code target/screenshots/}. */
@QuarkusTest
class EntryPageBrowserTest {

    /** An iPhone 12–15's viewport in CSS pixels. */
    static final int PHONE_WIDTH = 390;
    static final int PHONE_HEIGHT = 844;

    @Inject
    TestDatabase db;

    @TestHTTPResource("/")
    URL home;

    int id;

    @BeforeEach
    void ingestSample() {
        db.clear();
        id = given().auth().oauth2(TOKEN).contentType("text/plain; charset=utf-8").body(Fixtures.sample())
                .post("/api/articles").then().statusCode(201).extract().path("id");
    }

    @Test
    void aLongHeadlineTakesAtMostAQuarterOfAPhonesScreen() {
        try (Browser browser = Browser.start()) {
            ChromeDriver driver = (ChromeDriver) browser.driver();
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", PHONE_WIDTH,
                    "height", PHONE_HEIGHT, "deviceScaleFactor", 3, "mobile", true));
            driver.get(home.toString().replaceAll("/$", "") + "/entries/" + id);
            WebElement h1 = Browser.await(driver, By.tagName("h1"));
            assertThat(h1.getText()).as("the sample's long title").isEqualTo(SAMPLE_TITLE);
            JavascriptExecutor js = (JavascriptExecutor) driver;
            assertThat(((Number) js.executeScript("return window.innerWidth")).intValue()).isEqualTo(PHONE_WIDTH);
            assertThat(((Number) js.executeScript("return window.innerHeight")).intValue()).isEqualTo(PHONE_HEIGHT);
            double height = ((Number) js.executeScript("return document.querySelector('h1').getBoundingClientRect().height"))
                    .doubleValue();
            System.out.printf("h1 on a %d x %d phone: %.1f px high%n", PHONE_WIDTH, PHONE_HEIGHT, height);
            browser.screenshot("entry-page-phone");
            assertThat(height).as("the h1's height in CSS pixels").isLessThanOrEqualTo(PHONE_HEIGHT / 4.0);
            assertThat(driver.findElement(By.cssSelector(".body")).getRect().getY()).as("the article starts on the first screen")
                    .isLessThan(PHONE_HEIGHT);
        }
    }
}
