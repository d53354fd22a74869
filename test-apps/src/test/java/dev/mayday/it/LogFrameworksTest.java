package dev.mayday.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Logback, Log4j2 and SLF4J over java.util.logging into the ring with no configuration: the last
 * lines, parameters filled in, are in the report of a later crash, once each (not a second time as
 * the console appender's stdout line).
 */
class LogFrameworksTest {

    @TempDir
    Path home;

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void logbackBehindSlf4j2(Jdk jdk) throws Exception {
        ChildJvm.Result run = LogApps.on(new ChildJvm(jdk, home), "logback", "jul-to-slf4j").run("logapps.Slf4jApp");
        assertLinesKeptOnce(run, "logback");
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void logback12BehindSlf4j17(Jdk jdk) throws Exception {
        ChildJvm.Result run = LogApps.on(new ChildJvm(jdk, home), "logback12").run("logapps.Slf4jApp");
        assertLinesKeptOnce(run, "logback 1.2");
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void log4j2Directly(Jdk jdk) throws Exception {
        ChildJvm.Result run = LogApps.on(new ChildJvm(jdk, home), "log4j2")
                .jvmArg("-Dlog4j2.configurationFile=" + LogApps.TEST_CLASSES.resolve("logapps/log4j2-info.xml"))
                .run("logapps.Log4j2App");
        assertLinesKeptOnce(run, "log4j2");
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void log4j2BehindSlf4j(Jdk jdk) throws Exception {
        ChildJvm.Result run = LogApps.on(new ChildJvm(jdk, home), "log4j2")
                .jvmArg("-Dlog4j2.configurationFile=" + LogApps.TEST_CLASSES.resolve("logapps/log4j2-info.xml"))
                .run("logapps.Slf4jApp");
        assertLinesKeptOnce(run, "log4j2 via slf4j");
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void slf4jOverJavaUtilLogging(Jdk jdk) throws Exception {
        ChildJvm.Result run = LogApps.on(new ChildJvm(jdk, home), "slf4j-jul").run("logapps.Slf4jApp");
        assertLinesKeptOnce(run, "slf4j-jdk14");
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void javaUtilLoggingBridgedIntoLogbackIsKeptOnce(Jdk jdk) throws Exception {
        ChildJvm.Result run = LogApps.on(new ChildJvm(jdk, home), "logback").run("logapps.JulBridgeApp");
        assertTrue(run.stdout.contains("bridged 1 of 2"), "Logback printed the bridged record: " + run);
        JsonArray logs = run.onlyReport().getAsJsonArray("logs");
        assertEquals(1, LogApps.countAnywhere(logs, "bridged 1 of 2"), logs.toString());
        assertEquals(1, LogApps.countAnywhere(logs, "bridged plain"), logs.toString());
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void javaUtilLoggingAndSystemLoggerOnTheJdkAndOnJbossLogManager(Jdk jdk) throws Exception {
        ChildJvm.Result jdkRun = new ChildJvm(jdk, home).run("demo.JulThenCrash");
        JsonArray logs = jdkRun.onlyReport().getAsJsonArray("logs");
        assertEquals(1, LogApps.count(logs, "INFO", "jul 1 of 2"), logs.toString());
        assertEquals(1, LogApps.count(logs, "INFO", "system logger line"), logs.toString());

        ChildJvm.Result jboss = LogApps.on(new ChildJvm(jdk, java.nio.file.Files.createDirectories(home.resolve("jboss"))), "jboss")
                .jvmArg("-Djava.util.logging.manager=org.jboss.logmanager.LogManager").run("demo.JulThenCrash");
        JsonObject report = jboss.onlyReport();
        assertTrue(report.getAsJsonObject("exception").get("message").getAsString()
                .contains("org.jboss.logmanager.Logger"), "the program ran on JBoss LogManager: " + jboss);
        JsonArray jbossLogs = report.getAsJsonArray("logs");
        assertEquals(1, LogApps.count(jbossLogs, "INFO", "jul 1 of 2"), jbossLogs.toString());
        assertEquals(1, LogApps.count(jbossLogs, "INFO", "system logger line"), jbossLogs.toString());
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void maydayInitialisesNoLoggingFrameworkOfTheProgram(Jdk jdk) throws Exception {
        ChildJvm.Result late = LogApps.on(new ChildJvm(jdk, home), "jboss").run("logapps.LateLogManager");
        assertTrue(late.stdout.contains("manager: org.jboss.logmanager.LogManager"),
                "the program's own choice of LogManager took: " + late);
        assertEquals(1, LogApps.count(late.onlyReport().getAsJsonArray("logs"), "INFO", "late manager line"));

        ChildJvm.Result unused = LogApps.on(new ChildJvm(jdk, java.nio.file.Files.createDirectories(home.resolve("u"))),
                "logback").jvmArg("-verbose:class").run("demo.Hello");
        assertEquals(0, unused.exitCode, unused.toString());
        assertTrue(unused.stdout.contains("java.lang.Object"), "class loading is listed: " + unused);
        assertTrue(!unused.stdout.contains("ch.qos.logback") && !unused.stdout.contains("org.slf4j")
                && !unused.stdout.contains("java.util.logging.LogManager "),
                "a framework on the class path that the program never uses is never loaded");
    }

    private static void assertLinesKeptOnce(ChildJvm.Result run, String what) throws Exception {
        assertTrue(run.stdout.contains("order 42 shipped to Oslo") || run.stderr.contains("order 42 shipped to Oslo"),
                what + " printed its lines itself: " + run);
        JsonObject report = run.onlyReport();
        assertEquals("uncaught", report.get("kind").getAsString(), run.toString());
        JsonArray logs = report.getAsJsonArray("logs");
        String all = logs.toString();
        assertEquals(1, LogApps.countAnywhere(logs, "order 42 shipped to Oslo"), what + ": " + all);
        JsonObject order = LogApps.find(logs, "INFO", "order 42 shipped to Oslo");
        assertEquals("logapps.Slf4jApp".equals(order.get("logger").getAsString())
                || "logapps.Log4j2App".equals(order.get("logger").getAsString()), true, all);
        assertEquals("main", order.get("thread").getAsString(), all);
        assertEquals(1, LogApps.count(logs, "INFO", "stock for Item(pear) is 7"), what + ": " + all);
        JsonObject retry = LogApps.find(logs, "WARN".equals(levelOf(logs, "retrying payment")) ? "WARN" : "WARNING",
                "retrying payment");
        assertTrue(retry.get("exception").getAsString().contains("java.io.IOException: connection reset"), all);
        assertEquals(1, LogApps.countAnywhere(logs, "retrying payment"), what + ": " + all);
        assertEquals(0, LogApps.countAnywhere(logs, "never"), "a record below the enabled level: " + all);
    }

    private static String levelOf(JsonArray logs, String text) {
        for (var e : logs) {
            JsonObject log = e.getAsJsonObject();
            if (log.get("message").getAsString().contains(text)) {
                return log.get("level").getAsString();
            }
        }
        return null;
    }
}
