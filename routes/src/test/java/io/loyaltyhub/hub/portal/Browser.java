package io.loyaltyhub.hub.portal;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium driven through its chromedriver (Debian: {@code apt-get install chromium chromium-driver}; other
 * places: {@code LOYALTY_CHROMIUM} and {@code LOYALTY_CHROMEDRIVER}). Without them the browser tests are skipped with a
 * message, unless {@code LOYALTY_REQUIRE_BROWSER=true} (as in CI), which makes that a failure. Selenium is never let
 * fetch a browser or driver of its own.
 */
final class Browser {
    private Browser() {
    }

    static ChromeDriver start(Path downloads) {
        Path chromium = Path.of(env("LOYALTY_CHROMIUM", "/usr/bin/chromium"));
        Path driver = Path.of(env("LOYALTY_CHROMEDRIVER", "/usr/bin/chromedriver"));
        if (!Files.isExecutable(chromium) || !Files.isExecutable(driver)) {
            String message = "browser tests skipped: no " + (Files.isExecutable(chromium) ? driver : chromium)
                    + " (apt-get install chromium chromium-driver; set LOYALTY_REQUIRE_BROWSER=true to fail instead)";
            if (Boolean.parseBoolean(System.getenv("LOYALTY_REQUIRE_BROWSER"))) {
                throw new IllegalStateException(message);
            }
            System.err.println("[loyalty-hub] " + message);
            Assumptions.abort(message);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,2000", "--lang=en-US", "--force-device-scale-factor=1", "--no-first-run",
                "--disable-extensions", "--disable-background-networking");
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", downloads.toAbsolutePath().toString());
        prefs.put("download.prompt_for_download", false);
        prefs.put("intl.accept_languages", "en-US,en");
        options.setExperimentalOption("prefs", prefs);
        options.setExperimentalOption("excludeSwitches", List.of("enable-automation"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile())
                .usingAnyFreePort().withLogOutput(new java.io.ByteArrayOutputStream()).build();
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30)).pageLoadTimeout(Duration.ofSeconds(30));
        return browser;
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    static File screenshotsDir() {
        File dir = new File("target/screenshots");
        dir.mkdirs();
        return dir;
    }
}
