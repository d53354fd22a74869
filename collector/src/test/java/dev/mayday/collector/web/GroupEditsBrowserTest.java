package dev.mayday.collector.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.mayday.collector.support.Browser;
import dev.mayday.collector.support.Reports;
import dev.mayday.collector.support.RunningCollector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person corrects grouping from the dashboard: merges one group into another and splits one
 * by a text, and later reports follow; the API refuses what is not a JSON edit with a reason.
 */
class GroupEditsBrowserTest {

    private static HttpResponse<String> edit(RunningCollector c, String action, String contentType, String body)
            throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(c.base() + "/api/group-edits/" + action))
                .header("Authorization", "Bearer " + RunningCollector.READ).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aPersonMergesTwoGroupsAndSplitsOneFromTheGroupsPage(@TempDir Path dir) throws Exception {
        try (RunningCollector c = RunningCollector.start(dir)) {
            assertEquals(201, c.post(Reports.sample("s-1", "sig-main", "2.4.0")).statusCode());
            assertEquals(201, c.post(Reports.of("o-1", "sig-other", "acme-game", "2.4.0", "m9", null)).statusCode());
            ChromeDriver browser = Browser.start();
            try {
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
                browser.get(c.base() + "/#/group/sig-other");
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token"))).sendKeys(RunningCollector.READ);
                browser.findElement(By.cssSelector("#signin button")).click();

                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#merge-form input")))
                        .sendKeys("sig-main");
                browser.findElement(By.cssSelector("#merge-form button")).click();
                wait.until(ExpectedConditions.urlContains("#/group/sig-main"));
                wait.until(ExpectedConditions.textToBe(By.id("group-count"), "2"));
            } finally {
                browser.quit();
            }
            assertEquals(404, c.get("/api/groups/sig-other").statusCode(), "merged away");
            // a later report of the merged signature joins the group it was merged into
            assertEquals(201, c.post(Reports.of("o-2", "sig-other", "acme-game", "2.4.1", "m9", null)).statusCode());
            assertEquals(3, c.count("sig-main"));

            HttpResponse<String> split = edit(c, "split", "application/json", "{\"group\":\"sig-main\",\"contains\":\"acme.game\"}");
            assertEquals(201, split.statusCode(), split.body());
            String splitGroup = JsonParser.parseString(split.body()).getAsJsonObject().get("group").getAsString();
            assertTrue(c.count(splitGroup) >= 1, "the sample's frames are acme.game's");

            JsonObject rules = JsonParser.parseString(c.get("/api/group-edits").body()).getAsJsonObject();
            assertEquals("sig-main", rules.getAsJsonArray("merges").get(0).getAsJsonObject().get("into").getAsString());
            assertEquals(splitGroup, rules.getAsJsonArray("splits").get(0).getAsJsonObject().get("into").getAsString());

            assertEquals(415, edit(c, "merge", "text/plain", "{\"from\":\"a\",\"into\":\"b\"}").statusCode(),
                    "a cross-site form cannot send JSON");
            assertEquals(404, edit(c, "merge", "application/json", "{\"from\":\"nope\",\"into\":\"sig-main\"}").statusCode());
            assertEquals(400, edit(c, "merge", "application/json", "[1]").statusCode());
            assertEquals(401, HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(c.base() + "/api/group-edits"))
                    .build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        }
    }
}
