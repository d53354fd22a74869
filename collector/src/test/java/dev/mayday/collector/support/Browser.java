package dev.mayday.collector.support;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Headless Chromium from Debian's packages, driven by Selenium. Both binaries are named
 * explicitly: Selenium's own driver manager would try to download a driver and fail offline.
 */
public final class Browser {

    public static final String CHROMIUM = System.getenv().getOrDefault("MAYDAY_CHROMIUM", "/usr/bin/chromium");
    public static final String DRIVER = System.getenv().getOrDefault("MAYDAY_CHROMEDRIVER", "/usr/bin/chromedriver");

    private Browser() {
    }

    /** Starts Chromium, or skips the test with a visible reason when it is not installed. */
    public static ChromeDriver start() throws Exception {
        boolean present = new File(CHROMIUM).canExecute() && new File(DRIVER).canExecute();
        if (!present) {
            System.err.println("SKIPPED browser test: " + CHROMIUM + " or " + DRIVER
                    + " missing; install with: apt-get install -y chromium chromium-driver (ci/services.sh does)");
        }
        if (!present && "true".equals(System.getenv("CI"))) {
            // CI installs them (.ci/run starts it through ci/with-services.sh): a missing browser there is a broken run, not a skip.
            throw new IllegalStateException("CI=true but " + CHROMIUM + " or " + DRIVER + " is missing");
        }
        Assumptions.assumeTrue(present, "Chromium and chromedriver are not installed (run ci/services.sh start as root)");
        Path profile = Files.createTempDirectory("mayday-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1300,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }
}
