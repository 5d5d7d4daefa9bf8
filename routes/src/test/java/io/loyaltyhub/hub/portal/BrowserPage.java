package io.loyaltyhub.hub.portal;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What the browser tests of the console forms and the statements page do on a page: read tables, wait, fetch, shoot. */
final class BrowserPage {
    private final ChromeDriver browser;

    BrowserPage(ChromeDriver browser) {
        this.browser = browser;
    }

    /** The text of one column of a table's body rows. */
    List<String> cells(String table, int column) {
        return browser.findElements(By.cssSelector("#" + table + " tbody tr")).stream()
                .map(row -> row.findElements(By.tagName("td")).get(column).getText()).toList();
    }

    /** The body row of a table whose first cell is {@code first}. */
    List<String> row(String table, String first) {
        for (WebElement row : browser.findElements(By.cssSelector("#" + table + " tbody tr"))) {
            List<String> cells = row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
            if (!cells.isEmpty() && cells.get(0).equals(first)) {
                return cells;
            }
        }
        throw new AssertionError("no row " + first + " in #" + table + ": " + browser.getPageSource());
    }

    String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    void type(String id, String value) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    /** Sets a field as a script would: date inputs take typed keys in the browser's locale's order, this does not. */
    void set(String id, String value) {
        browser.executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, value);
    }

    void click(String id) {
        browser.findElement(By.id(id)).click();
    }

    /**
     * Waits until the condition holds. An element read while the page it came from is being replaced (a form's answer
     * arriving) is stale: that reading is retried, not a failure.
     */
    void waitFor(BooleanSupplier condition) {
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .ignoring(StaleElementReferenceException.class)
                .withMessage(() -> "the page at " + browser.getCurrentUrl() + " shows: " + browser.getPageSource())
                .until(d -> condition.getAsBoolean());
    }

    /** A request made by the page itself (same origin, with the session cookie), as a script on it could. */
    Map<?, ?> fetch(String method, String path, String formBody) {
        return (Map<?, ?>) browser.executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "var init = {method: arguments[0], credentials: 'same-origin'};"
                        + "if (arguments[2] !== null) { init.body = arguments[2];"
                        + " init.headers = {'Content-Type': 'application/x-www-form-urlencoded'}; }"
                        + "fetch(arguments[1], init).then(function (r) { return r.text().then(function (t) {"
                        + " done({status: r.status, body: t}); }); }).catch(function (e) { done({status: -1, body: String(e)}); });",
                method, path, formBody);
    }

    static int status(Map<?, ?> answer) {
        return ((Number) answer.get("status")).intValue();
    }

    void screenshot(String name) {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        try {
            Files.copy(shot.toPath(), Browser.screenshotsDir().toPath().resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
