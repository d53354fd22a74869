package dev.mayday.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What the report says besides the failure: logs after System.setOut, system, redaction, show. */
class CaptureTest {

    @TempDir
    Path home;

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void aProgramThatSendsSystemOutToAFileOfItsOwnKeepsItUnchanged(Jdk jdk) throws Exception {
        Path file = home.resolve("app-out.txt");
        ChildJvm.Result run = new ChildJvm(jdk, home).agentArgs("mainLoop=demo.StreamSwap#loop")
                .run("demo.StreamSwap", file.toString());

        assertEquals(70, run.exitCode, run.toString());
        assertEquals("redirected line one\nredirected line two\n", Files.readString(file), "the program's file is unchanged");
        assertEquals("console line before the redirect\n", run.stdout);
        // The ring keeps what reached the console; the program's own file is the program's log.
        JsonArray logs = run.onlyReport().getAsJsonArray("logs");
        assertTrue(MainLoopTest.containsMessage(logs, "stdout", "console line before the redirect"), logs.toString());
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void reportCarriesSystemAndRedactsSecrets(Jdk jdk) throws Exception {
        ChildJvm.Result run = new ChildJvm(jdk, home).env("DB_PASSWORD", "hunter2").env("LICENSE_CODE", "abc123")
                .jvmArg("-Dapi.token=s3cr3t").agentArgs("mainLoop=demo.Game#tick,redact=LICENSE,app=Game,version=1.4.2")
                .run("demo.Game", "2");

        String text = Files.readString(run.reportFiles().get(0));
        assertFalse(text.contains("hunter2") || text.contains("s3cr3t") || text.contains("abc123"), "a secret leaked");
        JsonObject report = run.onlyReport();
        assertEquals("[redacted]", report.getAsJsonObject("environment").get("DB_PASSWORD").getAsString());
        assertEquals("[redacted]", report.getAsJsonObject("environment").get("LICENSE_CODE").getAsString());
        assertEquals("[redacted]", report.getAsJsonObject("properties").get("api.token").getAsString());
        JsonObject app = report.getAsJsonObject("app");
        assertEquals("Game", app.get("name").getAsString());
        assertEquals("1.4.2", app.get("version").getAsString());
        assertEquals("demo.Game", app.get("mainClass").getAsString());
        JsonObject system = report.getAsJsonObject("system");
        for (String key : new String[] {"machineId", "os", "cpu", "memory", "jvm", "locale", "timezone", "encoding",
                                        "headless", "classpath"}) {
            assertTrue(system.has(key), "system." + key + " missing");
        }
        assertFalse(system.has("hostname"), "host name only with hostname=true");
        assertEquals(Files.readString(home.resolve(".mayday/machine-id")).strip(), system.get("machineId").getAsString());
        assertTrue(system.getAsJsonObject("jvm").getAsJsonArray("arguments").toString().contains("-Dapi.token=[redacted]"));
        assertTrue(report.getAsJsonArray("threads").size() >= 2);
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void signatureIsEqualForTheSameBugAndDifferentForAnother(Jdk jdk) throws Exception {
        String a1 = signature(jdk, "demo.Game", "mainLoop=demo.Game#tick,outbox=" + home.resolve("a1"), "3");
        String a2 = signature(jdk, "demo.Game", "mainLoop=demo.Game#tick,outbox=" + home.resolve("a2"), "7");
        String b = signature(jdk, "demo.RethrowLoop", "mainLoop=demo.RethrowLoop#step,outbox=" + home.resolve("b"));
        assertEquals(a1, a2, "same bug, other frame count: same signature");
        assertFalse(a1.equals(b));
        assertTrue(a1.matches("[0-9a-f]{16}"), a1);
    }

    private String signature(Jdk jdk, String main, String agentArgs, String... args) throws Exception {
        ChildJvm.Result run = new ChildJvm(jdk, home).agentArgs(agentArgs).run(main, args);
        Path outbox = Path.of(agentArgs.substring(agentArgs.indexOf("outbox=") + 7));
        try (var files = Files.list(outbox)) {
            Path report = files.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow(() -> new AssertionError(run));
            return com.google.gson.JsonParser.parseString(Files.readString(report)).getAsJsonObject().get("signature").getAsString();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void showPrintsTheReportForAPerson(Jdk jdk) throws Exception {
        ChildJvm.Result crash = new ChildJvm(jdk, home).agentArgs("mainLoop=demo.Game#tick").run("demo.Game", "3");
        Path report = crash.reportFiles().get(0);

        ChildJvm.Result show = new ChildJvm(jdk, home).runAgentJar("show", report.toString());
        String out = show.stdout;
        assertEquals(0, show.exitCode, show.toString());
        assertEquals("", show.stderr);
        assertTrue(out.startsWith("NullPointerException in demo.Game.tick\n"), out);
        assertTrue(out.contains("java.lang.NullPointerException: Cannot invoke \"String.length()\""), out);
        assertTrue(out.contains("    at demo.Game.tick(Game.java:"), out);
        assertTrue(out.contains("Last log lines"), out);
        assertTrue(out.contains("frame 3 rendered"), out);
        assertTrue(out.contains("System:") && out.contains("Java:"), out);

        ChildJvm.Result missing = new ChildJvm(jdk, home).runAgentJar("show", home.resolve("nope.json").toString());
        assertEquals(1, missing.exitCode);
        assertEquals("", missing.stdout);
        assertEquals("mayday: no such file: " + home.resolve("nope.json"), missing.stderr.strip());
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void showEscapesTerminalControlSequencesFromTheReport(Jdk jdk) throws Exception {
        ChildJvm.Result crash = new ChildJvm(jdk, home).agentArgs("mainLoop=demo.HostileText#loop").run("demo.HostileText");
        assertEquals(70, crash.exitCode, crash.toString());
        Path report = crash.reportFiles().get(0);

        ChildJvm.Result show = new ChildJvm(jdk, home).runAgentJar("show", report.toString());
        assertEquals(0, show.exitCode, show.toString());
        String out = show.stdout;
        for (char c : out.toCharArray()) {
            boolean control = (c < 0x20 && c != '\n') || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e);
            assertFalse(control, "control character " + (int) c + " reached the terminal:\n" + out);
        }
        assertTrue(out.contains("\\e]0;pwned\\x07\\e[2J\\e[Hcleared"), out);
        assertTrue(out.contains("\\e[31mred\\e[0m and \\x9b2J"), out);
        assertTrue(out.contains("IllegalStateException: bad\\rgood \\u202eevil"), out);
    }
}
