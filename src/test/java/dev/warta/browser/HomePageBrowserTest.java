package dev.warta.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HomePageBrowserTest {

    @TestHTTPResource("/")
    URL home;

    @Test
    void theHomePageRendersInChromium() {
        try (Browser browser = Browser.start()) {
            browser.driver().get(home.toString());
            assertThat(browser.driver().getTitle()).isEqualTo("Warta");
            assertThat(browser.driver().findElement(By.cssSelector("h1")).getText()).isEqualTo("Warta");
            assertThat(browser.screenshot("home")).exists();
        }
    }
}
