package dev.mayday.collector.web;

import com.google.gson.JsonObject;
import dev.mayday.collector.support.Browser;
import dev.mayday.collector.support.Reports;
import dev.mayday.collector.support.RunningCollector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard in a real headless Chromium: sign in, see the group with its count, open it,
 * see stack and logs, and watch counts change as new reports arrive, without a reload.
 */
class DashboardBrowserTest {

    private static final String SIG = "5f0c2a9d41e8b7a3";

    @Test
    void aPersonFollowsACrashFromTheListToItsStackAndSeesNewReportsArrive(@TempDir Path dir) throws Exception {
        try (RunningCollector c = RunningCollector.start(dir)) {
            assertEquals(201, c.post(Reports.sample("b-1", SIG, "2.4.0")).statusCode());
            JsonObject other = Reports.of("b-other", "sig-other", "acme-game", "2.4.0", "m9", null);
            assertEquals(201, c.post(other).statusCode());
            ChromeDriver browser = Browser.start();
            try {
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
                browser.get(c.base() + "/");

                // Sign in once: the token is kept in an HttpOnly cookie.
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token"))).sendKeys("wrong");
                browser.findElement(By.cssSelector("#signin button")).click();
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-error")));
                WebElement token = browser.findElement(By.id("token"));
                token.clear();
                token.sendKeys(RunningCollector.READ);
                browser.findElement(By.cssSelector("#signin button")).click();

                By row = By.cssSelector("tr.group[data-signature='" + SIG + "']");
                wait.until(ExpectedConditions.visibilityOfElementLocated(row));
                assertEquals("1", browser.findElement(row).findElement(By.cssSelector(".count")).getText());
                assertFalse(String.valueOf(js(browser, "return document.cookie")).contains(RunningCollector.READ),
                        "scripts cannot read the token");
                wait.until(ExpectedConditions.textToBe(By.id("live"), "live"));
                assertNoObjectLeak(browser);
                shot(browser, "1-top-crashers");

                // A new report arrives: the count changes on the open page, which is not reloaded.
                js(browser, "window.__noReload = 'still here'");
                assertEquals(201, c.post(Reports.sample("b-2", SIG, "2.4.1")).statusCode());
                wait.until(ExpectedConditions.textToBe(By.cssSelector("tr.group[data-signature='" + SIG + "'] .count"), "2"));
                assertEquals("still here", js(browser, "return window.__noReload"));
                assertEquals(2, browser.findElements(By.cssSelector("tr.group[data-signature='" + SIG + "'] .bars .bar")).size(),
                        "one bar per version");
                assertEquals(SIG, browser.findElements(By.cssSelector("tr.group")).get(0).getAttribute("data-signature"),
                        "ranked first with the most reports");

                // Open the group: stack with application frames set apart, logs, comments, system.
                browser.findElement(By.cssSelector("tr.group[data-signature='" + SIG + "'] a.title")).click();
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#exception .frame.app")));
                String stack = browser.findElement(By.id("exception")).getText();
                assertTrue(stack.contains("java.lang.IllegalStateException: level 3 could not be loaded"), stack);
                assertTrue(stack.contains("Caused by: java.lang.NullPointerException"), stack);
                assertTrue(stack.contains("acme.game.LevelLoader.load"), stack);
                List<WebElement> appFrames = browser.findElements(By.cssSelector("#exception .frame.app"));
                assertTrue(appFrames.stream().allMatch(f -> f.getText().contains("acme.game.")), "app frames are the game's");
                assertFalse(browser.findElements(By.cssSelector("#exception details.lib")).isEmpty(), "library frames folded");
                assertFalse(browser.findElement(By.cssSelector("#exception details.lib .frame")).isDisplayed());
                assertEquals(50, browser.findElements(By.cssSelector("#logs .log-line")).size());
                assertTrue(browser.findElement(By.id("logs")).getText().contains("could not load level 3"));
                assertTrue(browser.findElement(By.id("comments")).getText().contains("It crashed when I opened level 3 again."));
                assertTrue(browser.findElement(By.id("system")).getText().contains("Linux"));
                assertEquals("2", browser.findElement(By.id("group-count")).getText());
                assertNoObjectLeak(browser);
                shot(browser, "2-group");

                // Another report of this group: the group page updates by itself.
                js(browser, "window.__noReload = 'group page'");
                assertEquals(201, c.post(Reports.sample("b-3", SIG, "2.4.1")).statusCode());
                wait.until(ExpectedConditions.textToBe(By.id("group-count"), "3"));
                assertEquals("group page", js(browser, "return window.__noReload"));

                // A report's page shows the whole report.
                browser.findElement(By.cssSelector("#reports a")).click();
                // Headings are upper-cased by CSS, so compare the text as written.
                wait.until(d -> String.valueOf(js(browser, "return document.querySelector('main').textContent")).contains("Threads (50)"));
                assertTrue(String.valueOf(js(browser, "return document.querySelector('main').textContent")).contains("Log (200 lines)"));
                assertEquals(50, browser.findElements(By.cssSelector("details.thread")).size());
                assertFalse(browser.findElements(By.cssSelector("#exception .frame.app")).isEmpty(), "app frames marked");
                assertFalse(browser.findElements(By.cssSelector("#exception details.lib")).isEmpty(), "library frames folded");
                assertTrue(browser.findElement(By.id("user")).getText().contains("It crashed when I opened level 3 again."));
                assertNoObjectLeak(browser);
                shot(browser, "3-report");
            } finally {
                browser.quit();
            }
        }
    }

    /** A script bug that stringifies elements shows as "[object ...]" on the page. */
    private static void assertNoObjectLeak(ChromeDriver browser) {
        String text = String.valueOf(js(browser, "return document.querySelector('main').textContent"));
        assertFalse(text.contains("[object "), text.substring(0, Math.min(text.length(), 400)));
    }

    private static Object js(ChromeDriver browser, String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    /** Keeps what the user saw, for a person to look at after the build. */
    private static void shot(ChromeDriver browser, String name) throws Exception {
        Path dir = Paths.get("target", "screenshots");
        Files.createDirectories(dir);
        Path file = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(file, dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
