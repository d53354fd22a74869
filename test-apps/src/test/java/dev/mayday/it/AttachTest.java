package dev.mayday.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code attach} and {@code list} against a running program started without Mayday
 * ({@code demo.LongRunning}, steered through trigger files), each JDK attaching to its own
 * version, as a person on the machine would do it.
 */
class AttachTest {

    /** A report must reach the outbox within a second; more slack on a machine shared with other builds. */
    private static final long REPORT_BOUND_MS = "true".equals(System.getenv("CI")) ? 1_000 : 3_000;

    @TempDir
    Path home;

    private ChildJvm.Running app;

    @AfterEach
    void stopApp() throws Exception {
        if (app != null && app.process.isAlive()) {
            app.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void attachedLoopFailureIsReportedAtOnceAndTheProgramGoesOn(Jdk jdk) throws Exception {
        long pid = startApp(jdk);
        assertTrue(listRow(jdk, pid).endsWith("no"), listRow(jdk, pid));

        ChildJvm.Result attach = attach(jdk, pid, "mainLoop=demo.LongRunning#step,onCrash=continue");
        assertEquals(0, attach.exitCode, attach.toString());
        assertTrue(attach.stdout.contains("mayday: attached to " + pid + ": "), attach.toString());
        assertTrue(attach.stdout.contains("main loops wrapped in 1 loaded class"), attach.toString());

        long failedAt = trigger("fail");
        JsonObject report = awaitReports(1, 10).get(0);
        long tookMs = Files.getLastModifiedTime(Outboxes.waiting(outbox()).get(0)).toMillis() - failedAt;
        assertTrue(tookMs < REPORT_BOUND_MS, "report " + tookMs + " ms after the failure was triggered");
        assertEquals("main-loop", report.get("kind").getAsString());
        assertEquals("IllegalStateException in demo.LongRunning.step", report.get("title").getAsString());
        assertEquals("demo.LongRunning#step", report.getAsJsonObject("origin").get("mainLoop").getAsString());

        // onCrash=continue: the program goes on, and its own catch never saw the failure.
        assertTrue(ping(), "the program stopped stepping after the failure");
        assertTrue(app.process.isAlive());
        assertFalse(app.stdoutSoFar().contains("app caught"), app.stdoutSoFar());

        // A thread that was already running when Mayday arrived dies: reported.
        trigger("worker");
        List<JsonObject> reports = awaitReports(2, 10);
        JsonObject uncaught = reports.stream().filter(r -> r.get("kind").getAsString().equals("uncaught")).findFirst()
                .orElseThrow(() -> new AssertionError("no uncaught report: " + reports));
        assertEquals("early-worker", uncaught.getAsJsonObject("thread").get("name").getAsString());
        assertEquals("IllegalArgumentException in demo.LongRunning.work", uncaught.get("title").getAsString());

        String row = listRow(jdk, pid);
        assertTrue(row.contains("demo.LongRunning") && row.contains("yes (options ") && row.contains("via attach"), row);
        assertTrue(row.contains(" " + jdk.feature), row);
        assertEquals(0, stop().exitCode);
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void aStdoutTheProgramSetBeforeTheAttachIsCapturedAndStaysItsOwn(Jdk jdk) throws Exception {
        long pid = startApp(new ChildJvm(jdk, home).withoutAgent().timeout(60), "demo.OwnStdoutLongRunning");
        ChildJvm.Result attach = attach(jdk, pid, "mainLoop=demo.OwnStdoutLongRunning#step,onCrash=continue");
        assertEquals(0, attach.exitCode, attach.toString());

        trigger("go");
        JsonObject report = awaitReports(1, 10).get(0);
        assertEquals("main-loop", report.get("kind").getAsString());
        JsonArray logs = report.getAsJsonArray("logs");
        assertTrue(MainLoopTest.containsMessage(logs, "stdout", "after attach line one"), logs.toString());
        assertTrue(MainLoopTest.containsMessage(logs, "stdout", "after attach line two, step "), logs.toString());
        assertEquals(1, LogApps.countAnywhere(logs, "after attach line one"), logs.toString());
        // The program's own stream is still System.out: Mayday tapped below it, replaced nothing.
        awaitOutput("same=");
        assertTrue(app.stdoutSoFar().contains("same=true"), app.stdoutSoFar());
        assertTrue(app.stdoutSoFar().contains("after attach line one\n"), app.stdoutSoFar());
        assertEquals(0, stop().exitCode);
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void aLogbackConfiguredBeforeTheAttachFeedsTheReportAfterIt(Jdk jdk) throws Exception {
        assertLoggerConfiguredBeforeTheAttachFeedsTheReport(jdk,
                LogApps.on(new ChildJvm(jdk, home).withoutAgent().timeout(60), "logback", "jul-to-slf4j"));
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void aLog4j2ConfiguredBeforeTheAttachFeedsTheReportAfterIt(Jdk jdk) throws Exception {
        assertLoggerConfiguredBeforeTheAttachFeedsTheReport(jdk, LogApps.on(new ChildJvm(jdk, home).withoutAgent().timeout(60)
                .jvmArg("-Dlog4j2.configurationFile=" + LogApps.TEST_CLASSES.resolve("logapps/log4j2-info.xml")), "log4j2"));
    }

    /** The app logs at start, Mayday attaches, the app logs two records with parameters and fails its loop. */
    private void assertLoggerConfiguredBeforeTheAttachFeedsTheReport(Jdk jdk, ChildJvm child) throws Exception {
        long pid = startApp(child, "logapps.AttachedSlf4jApp");
        assertTrue(app.stdoutSoFar().contains("service starting before the attach"), app.stdoutSoFar());
        ChildJvm.Result attach = attach(jdk, pid, "mainLoop=logapps.AttachedSlf4jApp#step,onCrash=continue");
        assertEquals(0, attach.exitCode, attach.toString());

        trigger("go");
        JsonObject report = awaitReports(1, 10).get(0);
        assertEquals("main-loop", report.get("kind").getAsString());
        JsonArray logs = report.getAsJsonArray("logs");
        // Once each: the Logback record, not also its console appender's copy on stdout.
        assertEquals(1, LogApps.countAnywhere(logs, "order 42 shipped to Oslo"), logs.toString());
        assertEquals(1, LogApps.countAnywhere(logs, "stock for pear is 7"), logs.toString());
        assertEquals(1, LogApps.count(logs, "INFO", "order 42 shipped to Oslo"), logs.toString());
        assertTrue(app.stdoutSoFar().contains("order 42 shipped to Oslo"), app.stdoutSoFar());
        assertEquals(0, stop().exitCode);
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void attachingTwiceChangesNothingAndSaysSo(Jdk jdk) throws Exception {
        long pid = startApp(jdk);
        // quiet=0: were the hooks in twice, one failure would give two reports.
        String options = "mainLoop=demo.LongRunning#step,onCrash=continue,quiet=0";
        ChildJvm.Result first = attach(jdk, pid, options);
        assertEquals(0, first.exitCode, first.toString());
        ChildJvm.Result second = attach(jdk, pid, options);
        assertEquals(0, second.exitCode, second.toString());
        assertTrue(second.stdout.contains("Mayday is already running in this JVM (options "), second.toString());
        assertTrue(second.stdout.contains("this copy changes nothing"), second.toString());
        ChildJvm.Result other = attach(jdk, pid, "mainLoop=demo.LongRunning#step,onCrash=exit");
        assertTrue(other.stdout.contains("already running") && other.stdout.contains("yours would be options"),
                other.toString());

        trigger("fail");
        awaitReports(1, 10);
        assertTrue(ping());
        trigger("fail");
        awaitReports(2, 10);
        assertTrue(ping());
        Thread.sleep(500);
        assertEquals(2, Outboxes.waiting(outbox()).size(), "one report per failure");
        // onCrash=exit of the third attach did not apply: the program is alive.
        assertTrue(app.process.isAlive());
        assertEquals(0, stop().exitCode);
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void aBadOptionFailsOnTheAttachingSideAndLeavesTheProgramUntouched(Jdk jdk) throws Exception {
        long pid = startApp(jdk);
        ChildJvm.Result attach = attach(jdk, pid, "mainLoop=demo.LongRunning#step,onCrash=explode");
        assertEquals(2, attach.exitCode, attach.toString());
        assertEquals("mayday: attach: bad value 'explode' for option onCrash (attach options); expected one of"
                + " exit, rethrow, continue; nothing was sent to " + pid, attach.stderr.strip());

        trigger("probe");
        awaitOutput("probe property=null bootstrap=false");
        trigger("fail");
        awaitOutput("app caught: step");
        trigger("worker");
        awaitStderr("Exception in thread \"early-worker\" java.lang.IllegalArgumentException: early worker gave up");
        Thread.sleep(1_000);
        assertTrue(Outboxes.waiting(outbox()).isEmpty(), "a report from a JVM Mayday was never put in");
        assertFalse(app.stderrSoFar().contains("mayday"), app.stderrSoFar());
        assertTrue(listRow(jdk, pid).endsWith("no"));
        assertEquals(0, stop().exitCode);
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void refusalsSayWhy(Jdk jdk) throws Exception {
        ChildJvm cli = new ChildJvm(jdk, home);
        ChildJvm.Result noPid = cli.runAgentJar("attach", "999999999");
        assertEquals(1, noPid.exitCode, noPid.toString());
        assertEquals("mayday: attach: no process has pid 999999999", noPid.stderr.strip());

        Process sleeper = new ProcessBuilder("sleep", "60").start();
        try {
            ChildJvm.Result notJvm = cli.runAgentJar("attach", Long.toString(sleeper.pid()));
            assertEquals(1, notJvm.exitCode, notJvm.toString());
            assertEquals("mayday: attach: process " + sleeper.pid() + " (sleep) is not a Java virtual machine",
                    notJvm.stderr.strip());
        } finally {
            sleeper.destroyForcibly();
        }

        ChildJvm.Result notAPid = cli.runAgentJar("attach", "demo.LongRunning");
        assertEquals(2, notAPid.exitCode, notAPid.toString());

        long pid = startApp(jdk, "-XX:+DisableAttachMechanism");
        ChildJvm.Result disabled = cli.runAgentJar("attach", Long.toString(pid), "onCrash=continue");
        assertEquals(1, disabled.exitCode, disabled.toString());
        assertTrue(disabled.stderr.contains("was started with -XX:+DisableAttachMechanism"), disabled.toString());
        String row = listRow(jdk, pid);
        assertTrue(row.contains("cannot attach: ") && row.contains("DisableAttachMechanism"), row);
        stop();

        if (jdk.feature >= 21) {
            pid = startApp(jdk, "-XX:-EnableDynamicAgentLoading");
            ChildJvm.Result noAgents = cli.runAgentJar("attach", Long.toString(pid));
            assertEquals(1, noAgents.exitCode, noAgents.toString());
            assertTrue(noAgents.stderr.contains("-XX:-EnableDynamicAgentLoading"), noAgents.toString());
            trigger("probe");
            awaitOutput("probe property=null bootstrap=false");
            stop();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void aJavaRuntimeWithoutTheAttachModuleSaysSo(Jdk jdk) throws Exception {
        ChildJvm jre = new ChildJvm(jdk, home).jvmArg("--limit-modules").jvmArg("java.base,java.instrument,java.logging");
        ChildJvm.Result attach = jre.runAgentJar("attach", "1", "onCrash=continue");
        assertEquals(1, attach.exitCode, attach.toString());
        assertTrue(attach.stderr.startsWith("mayday: attach: this Java runtime (")
                && attach.stderr.contains("has no jdk.attach module"), attach.toString());
        ChildJvm.Result list = jre.runAgentJar("list");
        assertEquals(1, list.exitCode, list.toString());
        assertTrue(list.stderr.contains("has no jdk.attach module"), list.toString());
    }

    /** Run as root here: another user's attach command meets root's JVM. */
    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void anotherUsersJvmNamesTheUserAndSudo(Jdk jdk) throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/sbin/runuser")),
                "needs root and runuser to act as another user");
        long pid = startApp(jdk);
        Process p = new ProcessBuilder("/usr/sbin/runuser", "-u", "nobody", "--", jdk.java.toString(),
                "-jar", ChildJvm.AGENT_JAR.toString(), "attach", Long.toString(pid)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        assertEquals(1, p.waitFor(), out);
        assertTrue(out.startsWith("mayday: attach: process " + pid + " belongs to user root, ")
                && out.contains("sudo -u root java -jar "), out);
        assertTrue(listRow(jdk, pid).endsWith("no"));
        assertEquals(0, stop().exitCode);
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void aJvmInAnotherPidNamespaceIsRefusedWithWhereToRunIt(Jdk jdk) throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/bin/unshare")),
                "needs root and unshare for a PID namespace");
        Path out = home.resolve("contained.txt");
        Process unshare = new ProcessBuilder("/usr/bin/unshare", "--pid", "--fork", "--mount-proc", jdk.java.toString(),
                "-cp", Path.of(ChildJvm.APP_CLASSES).toAbsolutePath().toString(), "demo.LongRunning", home.toString())
                .redirectOutput(out.toFile()).redirectErrorStream(true).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!(Files.exists(out) && Files.readString(out).contains("ready ")) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(Files.readString(out).contains("ready 1"), Files.readString(out));
            long pid = unshare.children().findFirst().orElseThrow().pid();
            ChildJvm.Result attach = new ChildJvm(jdk, home).runAgentJar("attach", Long.toString(pid));
            assertEquals(1, attach.exitCode, attach.toString());
            assertEquals("mayday: attach: process " + pid + " runs in another PID namespace (a container), where its"
                    + " pid is 1; run the command inside that container (docker exec / kubectl exec), with the agent"
                    + " jar there", attach.stderr.strip());
        } finally {
            Files.createFile(home.resolve("stop"));
            if (!unshare.waitFor(20, TimeUnit.SECONDS)) {
                unshare.descendants().forEach(ProcessHandle::destroyForcibly);
                unshare.destroyForcibly();
            }
        }
    }

    private long startApp(Jdk jdk, String... jvmArgs) throws Exception {
        ChildJvm child = new ChildJvm(jdk, home).withoutAgent().timeout(60);
        for (String a : jvmArgs) {
            child.jvmArg(a);
        }
        return startApp(child, "demo.LongRunning");
    }

    /** Starts {@code mainClass} (steered through files in {@link #home}) and returns its pid once it is ready. */
    private long startApp(ChildJvm child, String mainClass) throws Exception {
        app = child.start(mainClass, home.toString());
        String ready = awaitOutput("ready ");
        Matcher m = Pattern.compile("ready (\\d+)").matcher(ready);
        assertTrue(m.find(), ready);
        return Long.parseLong(m.group(1));
    }

    private ChildJvm.Result attach(Jdk jdk, long pid, String options) throws IOException, InterruptedException {
        return new ChildJvm(jdk, home).runAgentJar("attach", Long.toString(pid), "outbox=" + outbox() + "," + options);
    }

    /** The row {@code list} prints for this pid. */
    private String listRow(Jdk jdk, long pid) throws IOException, InterruptedException {
        ChildJvm.Result list = new ChildJvm(jdk, home).runAgentJar("list");
        assertEquals(0, list.exitCode, list.toString());
        for (String line : list.stdout.split("\n")) {
            if (line.startsWith(pid + " ")) {
                return line.strip();
            }
        }
        throw new AssertionError("pid " + pid + " not in the list:\n" + list.stdout);
    }

    private Path outbox() {
        return home.resolve("outbox");
    }

    /** Creates the trigger file; returns when (epoch ms). */
    private long trigger(String name) throws IOException {
        long now = System.currentTimeMillis();
        Files.createFile(home.resolve(name));
        return now;
    }

    private boolean ping() throws Exception {
        int before = count(app.stdoutSoFar(), "pong ");
        trigger("ping");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (count(app.stdoutSoFar(), "pong ") > before) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    private ChildJvm.Result stop() throws Exception {
        trigger("stop");
        ChildJvm.Result result = app.await();
        app = null;
        return result;
    }

    private String awaitOutput(String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            String out = app.stdoutSoFar();
            if (out.contains(text)) {
                return out;
            }
            assertTrue(app.process.isAlive(), "the program ended; stderr:\n" + app.stderrSoFar());
            Thread.sleep(20);
        }
        throw new AssertionError("no '" + text + "' in the program's output:\n" + app.stdoutSoFar());
    }

    private void awaitStderr(String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (app.stderrSoFar().contains(text)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no '" + text + "' in the program's stderr:\n" + app.stderrSoFar());
    }

    private List<JsonObject> awaitReports(int count, long seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<Path> files = Outboxes.waiting(outbox());
        while (files.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
            files = Outboxes.waiting(outbox());
        }
        assertTrue(files.size() >= count, "expected " + count + " report(s), found " + files.size()
                + "; program stderr:\n" + app.stderrSoFar());
        List<JsonObject> reports = new java.util.ArrayList<>();
        for (Path f : files) {
            reports.add(Outboxes.read(f));
        }
        assertNotNull(reports.get(0));
        return reports;
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
