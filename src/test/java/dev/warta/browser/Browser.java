package dev.warta.browser;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) driven by Selenium. On a machine
 * without Chromium the tests that need it are skipped, with the reason, so {@code ./mvnw verify} works with
 * a JDK alone; under {@code CI=true} they fail instead, so a CI run cannot pass without them. {@code .ci/run}
 * sets {@code CI}, installs Chromium and finds it as {@link #CHROMIUM} and {@link #CHROMEDRIVER} do
 * ({@code .ci/browser.sh}).
 */
public final class Browser implements AutoCloseable {

    /** Where an executable is looked for: an override alone when set, else names on PATH, else fixed paths. */
    record Lookup(String property, String variable, List<String> names, List<Path> fixed) {

        Optional<Path> find() {
            String override = System.getProperty(property, System.getenv(variable));
            if (override != null && !override.isBlank()) {
                return Optional.of(Path.of(override)).filter(Lookup::executable);
            }
            String path = System.getenv("PATH");
            List<String> dirs = path == null ? List.of() : List.of(path.split(java.io.File.pathSeparator, -1));
            for (String name : names) {
                for (String dir : dirs) {
                    Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
                    if (executable(candidate)) {
                        return Optional.of(candidate);
                    }
                }
            }
            return fixed.stream().filter(Lookup::executable).findFirst();
        }

        static boolean executable(Path p) {
            return Files.isRegularFile(p) && Files.isExecutable(p);
        }

        @Override
        public String toString() {
            String override = System.getProperty(property, System.getenv(variable));
            if (override != null && !override.isBlank()) {
                return override + " (from -D" + property + " or $" + variable + ")";
            }
            return String.join(" or ", names) + " on PATH, or " + fixed.stream().map(Path::toString)
                    .collect(java.util.stream.Collectors.joining(" or "));
        }
    }

    static final Lookup CHROMIUM = new Lookup("chromium.path", "CHROMIUM_PATH", List.of("chromium", "chromium-browser"),
            List.of(Path.of("/usr/bin/chromium"), Path.of("/usr/lib/chromium/chromium")));
    static final Lookup CHROMEDRIVER = new Lookup("chromedriver.path", "CHROMEDRIVER_PATH", List.of("chromedriver"),
            List.of(Path.of("/usr/bin/chromedriver"), Path.of("/usr/lib/chromium/chromedriver")));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final WebDriver driver;
    private final Path profile;

    private Browser(WebDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Whether the CI runs this build ({@code CI=true}, as .ci/run and most CI services set it). */
    static boolean underCi() {
        String ci = System.getenv("CI");
        return ci != null && (ci.equalsIgnoreCase("true") || ci.equals("1"));
    }

    /**
     * Starts Chromium. When it or its driver is not found, the calling test is skipped, or under {@code CI=true}
     * fails.
     */
    public static Browser start() {
        return start(new String[0]);
    }

    /** Starts Chromium with more command-line switches, e.g. {@code --disable-features=XSLT}. */
    public static Browser start(String... arguments) {
        Optional<Path> chromium = CHROMIUM.find();
        Optional<Path> chromedriver = CHROMEDRIVER.find();
        if (chromium.isEmpty() || chromedriver.isEmpty()) {
            String missing = (chromium.isEmpty() ? "Chromium not found (looked for " + CHROMIUM + ")" : "")
                    + (chromium.isEmpty() && chromedriver.isEmpty() ? "; " : "")
                    + (chromedriver.isEmpty() ? "chromedriver not found (looked for " + CHROMEDRIVER + ")" : "")
                    + ". Install both: apt-get install chromium chromium-driver (.ci/run does).";
            if (underCi()) {
                throw new AssertionError("CI=true, so browser tests must run, not skip: " + missing);
            }
            assumeTrue(false, missing + " Skipped (set CI=true to fail instead).");
        }
        try {
            Path profile = Files.createTempDirectory("warta-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(chromium.get().toFile());
            // As root in a container: no sandbox. No background traffic: this machine has no internet.
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--disable-extensions", "--window-size=1280,1000", "--lang=id",
                    "--user-data-dir=" + profile);
            options.addArguments(arguments);
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.get().toFile())
                    .usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return new Browser(driver, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /**
     * The element once the page shows it. A page that Chromium builds after loading (an XML feed transformed
     * by its stylesheet, a form's answer) may not have it when {@code get} returns.
     */
    public static WebElement await(WebDriver driver, By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Saves a PNG of the current page as {@code target/screenshots/<name>.png}. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a leftover temp profile is harmless
            }
        }
    }
}
