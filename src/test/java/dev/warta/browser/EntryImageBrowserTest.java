package dev.warta.browser;

import static dev.warta.Fixtures.TOKEN;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import dev.warta.FakeSite;
import dev.warta.TestDatabase;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** On a phone's width the entry page's lead image fits the screen and keeps its proportions. */
@QuarkusTest
class EntryImageBrowserTest {

    @Inject
    TestDatabase db;

    @TestHTTPResource("/")
    URL home;

    FakeSite images;
    long id;

    static byte[] png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeEach
    void publish() {
        db.clear();
        images = new FakeSite();
        images.serve("/foto/jatiluwih.png", "image/png", png(1280, 720));
        id = given().auth().oauth2(TOKEN).contentType("application/json").body(Map.of(
                "title", "Panen Raya di Subak Jatiluwih", "contentHtml", "<p>Petani memanen padi.</p>",
                "published", "2022-12-21T10:00:00+07:00", "topics", List.of("Foto"),
                "image", Map.of("url", images.url("/foto/jatiluwih.png"), "width", 1280, "height", 720,
                        "caption", "Petani memanen padi", "credit", "Made Wirya")))
                .post("/api/articles").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @AfterEach
    void stop() {
        images.close();
    }

    @Test
    void theLeadImageFitsAPhoneAndKeepsItsProportions() {
        try (Browser browser = Browser.start()) {
            WebDriver driver = browser.driver();
            driver.manage().window().setSize(new Dimension(390, 844));
            driver.get(home.toString().replaceAll("/$", "") + "/entries/" + id);
            WebElement img = Browser.await(driver, By.cssSelector("figure.lead-image img"));
            JavascriptExecutor js = (JavascriptExecutor) driver;
            long viewport = ((Number) js.executeScript("return document.documentElement.clientWidth")).longValue();
            long scroll = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
            int width = img.getSize().getWidth();
            int height = img.getSize().getHeight();
            assertThat(width).as("narrower than the phone's %d px", viewport).isPositive().isLessThanOrEqualTo((int) viewport);
            assertThat(scroll).as("no sideways scrolling").isLessThanOrEqualTo(viewport);
            assertThat((double) height / width).as("16:9 as stated, not stretched").isCloseTo(720.0 / 1280, org.assertj.core.data.Offset.offset(0.02));
            assertThat(driver.findElement(By.cssSelector("figure.lead-image figcaption")).getText())
                    .isEqualTo("Petani memanen padi (Foto: Made Wirya)");
            browser.screenshot("entry-lead-image-phone");
        }
    }
}
