package dev.mayday.collector.web;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
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

    @Test
    void reportsOfAnyShapeRenderAndTheKindFilterSetsCrashesApart(@TempDir Path dir) throws Exception {
        try (RunningCollector c = RunningCollector.start(dir)) {
            JsonObject broken = Reports.sample("broken-1", "sig-broken", "9.9");
            broken.addProperty("time", "9999-12-31T23:59:59Z");
            com.google.gson.JsonArray logs = broken.getAsJsonArray("logs");
            logs.add(com.google.gson.JsonNull.INSTANCE);
            logs.add(42);
            logs.add("a line as a bare string");
            broken.getAsJsonObject("exception").addProperty("frames", "x");
            broken.getAsJsonObject("exception").getAsJsonObject("cause").add("suppressed", JsonParser.parseString("[null, 3, [1]]"));
            broken.add("threads", JsonParser.parseString("[null, {\"name\": 5, \"frames\": \"y\"}, 7]"));
            broken.add("system", JsonParser.parseString("{\"os\": null, \"cpu\": [null, {\"a\": 1}]}"));
            JsonObject farTime = Reports.of("broken-2", "sig-broken", "acme-game", "9.9", "m2", null);
            farTime.addProperty("time", "+999999999-12-31T23:59+01:00");
            assertEquals(201, c.post(farTime).statusCode());
            Thread.sleep(5); // the broken sample arrives last: it is the group's newest report
            assertEquals(201, c.post(broken).statusCode());
            JsonObject logged = Reports.of("logged-1", "sig-logged", "acme-game", "9.9", "m3", null);
            logged.addProperty("kind", "logged");
            logged.addProperty("title", "IOException logged in acme.game.Saver.save");
            assertEquals(201, c.post(logged).statusCode());

            ChromeDriver browser = Browser.start();
            try {
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
                browser.get(c.base() + "/");
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token"))).sendKeys(RunningCollector.READ);
                browser.findElement(By.cssSelector("#signin button")).click();
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("tr.group[data-signature='sig-logged']")));
                assertEquals(2, browser.findElements(By.cssSelector("tr.group")).size());

                // Crashes apart from logged errors.
                new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("kind-filter")))
                        .selectByValue("uncaught,main-loop,oom,jvm-fatal");
                browser.findElement(By.cssSelector("form.filters button")).click();
                wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("tr.group[data-signature='sig-logged']"), 0));
                assertEquals(1, browser.findElements(By.cssSelector("tr.group[data-signature='sig-broken']")).size());
                new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("kind-filter"))).selectByValue("logged");
                browser.findElement(By.cssSelector("form.filters button")).click();
                wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("tr.group[data-signature='sig-broken']"), 0));
                assertEquals(1, browser.findElements(By.cssSelector("tr.group[data-signature='sig-logged']")).size());
                shot(browser, "4-kind-filter-logged");

                browser.get(c.base() + "/#/group/sig-broken");
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("group-count")));
                String main = String.valueOf(js(browser, "return document.querySelector('main').textContent"));
                assertFalse(main.contains("Could not load"), main.substring(0, Math.min(400, main.length())));
                assertEquals("2", browser.findElement(By.id("group-count")).getText());
                assertTrue(browser.findElement(By.id("exception")).getText().contains("IllegalStateException"));
                assertFalse(browser.findElements(By.cssSelector("#logs .log-line")).isEmpty(), "the object log lines show");
                assertFalse(main.contains("9999"), "an implausible time does not count as last seen");
                assertNoObjectLeak(browser);
                shot(browser, "5-group-of-broken-reports");

                browser.get(c.base() + "/#/report/broken-1");
                wait.until(d -> String.valueOf(js(browser, "return document.querySelector('main').textContent")).contains("Threads ("));
                String report = String.valueOf(js(browser, "return document.querySelector('main').textContent"));
                assertFalse(report.contains("Could not load"), report.substring(0, Math.min(400, report.length())));
                assertTrue(report.contains("Threads (1)"), "only the object thread is listed");
                assertNoObjectLeak(browser);
                shot(browser, "6-broken-report");
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
