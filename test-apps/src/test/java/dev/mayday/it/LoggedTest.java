package dev.mayday.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A logged error with its exception becomes one {@code logged} report; the program goes on. */
class LoggedTest {

    @TempDir
    Path home;

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void anErrorLoggedWithItsExceptionIsOneLoggedReport(Jdk jdk) throws Exception {
        ChildJvm.Result run = LogApps.on(new ChildJvm(jdk, home), "logback", "jul-to-slf4j")
                .run("logapps.LoggingService", "once");

        assertEquals(0, run.exitCode, "the program goes on and ends as without Mayday: " + run);
        assertTrue(run.stdout.contains("service done"), run.toString());
        JsonObject report = run.onlyReport();
        assertEquals("logged", report.get("kind").getAsString());
        assertEquals("java.lang.IllegalStateException", report.getAsJsonObject("exception").get("type").getAsString());
        assertEquals("no stock for request 0", report.getAsJsonObject("exception").get("message").getAsString());
        JsonObject origin = report.getAsJsonObject("origin");
        assertEquals("logback", origin.get("logged").getAsString(), origin.toString());
        assertEquals("logapps.LoggingService", origin.get("logger").getAsString());
        assertEquals("ERROR", origin.get("level").getAsString());
        assertEquals("request 0 failed", origin.get("message").getAsString());
        assertEquals("main", report.getAsJsonObject("thread").get("name").getAsString());
        assertTrue(report.get("title").getAsString().contains("IllegalStateException in logapps.LoggingService.handle"),
                report.get("title").getAsString());
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void aThousandAWindowGiveOneReport(Jdk jdk) throws Exception {
        ChildJvm.Result run = LogApps.on(new ChildJvm(jdk, home), "log4j2")
                .jvmArg("-Dlog4j2.configurationFile=" + LogApps.TEST_CLASSES.resolve("logapps/log4j2-info.xml"))
                .timeout(120).run("logapps.LoggingService", "burst");

        assertEquals(0, run.exitCode, run.toString());
        List<JsonObject> reports = run.crashReports();
        long heldBack = run.heldBackAtExit(); // quiet's repeats record, written as the JVM ends (issue 8)
        assertEquals(1, reports.size(), "one report per quiet window: " + run);
        assertTrue(heldBack > 0, "the rest are counted, not lost: " + run);
        assertEquals("logged", reports.get(0).get("kind").getAsString());
        assertEquals("log4j2", reports.get(0).getAsJsonObject("origin").get("logged").getAsString());
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void noExceptionNoReportAndOffMeansNone(Jdk jdk) throws Exception {
        ChildJvm.Result plain = LogApps.on(new ChildJvm(jdk, home), "logback", "jul-to-slf4j")
                .run("logapps.LoggingService", "plain");
        assertEquals(0, plain.exitCode, plain.toString());
        assertEquals(0, plain.reports().size(), "an error without a Throwable is not a report: " + plain);

        ChildJvm.Result off = LogApps.on(new ChildJvm(jdk, home), "logback", "jul-to-slf4j").agentArgs("logged=off")
                .run("logapps.LoggingService", "once");
        assertEquals(0, off.exitCode, off.toString());
        assertEquals(0, off.reports().size(), "logged=off: " + off);
    }
}
