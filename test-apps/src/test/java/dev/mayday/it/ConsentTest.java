package dev.mayday.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * consent=ask as a person meets it: the dialog on a real (virtual) X display, clicked and typed
 * into with java.awt.Robot; the text prompt on a real pseudo-terminal; "Always send" remembered.
 * What the person typed must reach the real collector; "Don't send" must send nothing.
 */
class ConsentTest {

    static final Path SCREENSHOTS = Paths.get("target", "screenshots").toAbsolutePath();

    @TempDir
    Path home;

    private static String askAndSendTo(Collector collector) {
        return "consent=ask,send=" + collector.httpUrl() + ",token=" + Collector.TOKEN;
    }

    private static JsonObject onlyStoredReport(Collector collector) throws Exception {
        List<String> ids = collector.reportIds();
        assertEquals(1, ids.size(), "reports at the collector: " + ids);
        return collector.report(ids.get(0));
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void dialogSendsWhatThePersonTyped(Jdk jdk) throws Exception {
        String display = TestDisplay.require();
        Path screenshot = SCREENSHOTS.resolve("consent-dialog-" + jdk.feature + ".png");
        try (Collector collector = Collector.start(home.resolve("collector"))) {
            ChildJvm.Result run = new ChildJvm(jdk, home).env("DISPLAY", display)
                    .jvmArg("-Ddemo.robot=send")
                    .jvmArg("-Ddemo.robot.comment=It froze when I opened level 3")
                    .jvmArg("-Ddemo.robot.email=player@example.com")
                    .jvmArg("-Ddemo.robot.screenshot=" + screenshot)
                    .agentArgs("mainLoop=demo.SwingGame#tick," + askAndSendTo(collector))
                    .run("demo.SwingGame");

            assertEquals(70, run.exitCode, run.toString());
            assertTrue(run.stdout.contains("robot: clicked send"), run.toString());
            JsonObject user = onlyStoredReport(collector).getAsJsonObject("user");
            assertEquals("ask-accepted", user.get("consent").getAsString());
            assertEquals("It froze when I opened level 3", user.get("comment").getAsString());
            assertEquals("player@example.com", user.get("email").getAsString());
            assertEquals(1, Outboxes.sent(run.outbox).size());
            assertTrue(Files.size(screenshot) > 1000, "a screenshot of the dialog in " + screenshot);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void withOnCrashContinueTheGamePlaysOnWhileThePersonIsAsked(Jdk jdk) throws Exception {
        String display = TestDisplay.require();
        try (Collector collector = Collector.start(home.resolve("collector"))) {
            ChildJvm.Result run = new ChildJvm(jdk, home).env("DISPLAY", display)
                    .jvmArg("-Ddemo.robot=send")
                    .jvmArg("-Ddemo.robot.comment=it went on")
                    .agentArgs("mainLoop=demo.SwingGame#tick,onCrash=continue," + askAndSendTo(collector))
                    .run("demo.SwingGame");

            // The loop was not held: all 120 frames ran; the JVM then waited for the answer and the delivery.
            assertEquals(0, run.exitCode, run.toString());
            assertTrue(run.stdout.contains("game over after 120 frames"), run.toString());
            assertTrue(run.stdout.contains("robot: clicked send"), run.toString());
            assertEquals("it went on", onlyStoredReport(collector).getAsJsonObject("user").get("comment").getAsString());
        }
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void dialogOnTheCrashedEventThreadDontSendSendsNothing(Jdk jdk) throws Exception {
        String display = TestDisplay.require();
        try (Collector collector = Collector.start(home.resolve("collector"))) {
            ChildJvm.Result run = new ChildJvm(jdk, home).env("DISPLAY", display)
                    .jvmArg("-Ddemo.robot=dontSend")
                    .jvmArg("-Ddemo.robot.screenshot=" + SCREENSHOTS.resolve("consent-dialog-edt-" + jdk.feature + ".png"))
                    .agentArgs(askAndSendTo(collector))
                    .run("demo.AwtCrash", "8");

            assertEquals(0, run.exitCode, run.toString());
            assertTrue(run.stdout.contains("robot: clicked dontSend"), run.toString());
            // The application's event thread crashed, and kept serving while the dialog was up.
            assertTrue(run.stdout.contains("event thread still serving"), run.toString());
            assertEquals(0, collector.reportCount());
            List<Path> waiting = Outboxes.waiting(run.outbox);
            assertEquals(1, waiting.size(), run.toString());
            assertEquals("ask-declined", Outboxes.consentOf(waiting.get(0)));
        }
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void consolePromptWithoutADisplaySendsWhatThePersonTyped(Jdk jdk) throws Exception {
        try (Collector collector = Collector.start(home.resolve("collector"))) {
            ChildJvm.Result run = new ChildJvm(jdk, home)
                    .onTerminal("s\nit crashed when I saved\nplayer@example.com\n")
                    .agentArgs("mainLoop=demo.Game#tick," + askAndSendTo(collector))
                    .run("demo.Game");

            assertEquals(70, run.exitCode, run.toString());
            assertTrue(run.stdout.contains("has stopped working: NullPointerException in demo.Game.tick"), run.toString());
            JsonObject user = onlyStoredReport(collector).getAsJsonObject("user");
            assertEquals("ask-accepted", user.get("consent").getAsString());
            assertEquals("it crashed when I saved", user.get("comment").getAsString());
            assertEquals("player@example.com", user.get("email").getAsString());

            // The developer reading the report with `show` sees what the person wrote.
            ChildJvm.Result show = new ChildJvm(jdk, home).runAgentJar("show", Outboxes.sent(run.outbox).get(0).toString());
            String shown = show.stdout;
            assertEquals(0, show.exitCode, show.toString());
            assertTrue(shown.contains("User:      consent ask-accepted, player@example.com"), shown);
            assertTrue(shown.contains("\"it crashed when I saved\""), shown);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void consolePromptDontSendSendsNothing(Jdk jdk) throws Exception {
        try (Collector collector = Collector.start(home.resolve("collector"))) {
            ChildJvm.Result run = new ChildJvm(jdk, home).onTerminal("d\n")
                    .agentArgs("mainLoop=demo.Game#tick," + askAndSendTo(collector))
                    .run("demo.Game");

            assertEquals(70, run.exitCode, run.toString());
            assertEquals(0, collector.reportCount());
            assertEquals("ask-declined", Outboxes.consentOf(Outboxes.waiting(run.outbox).get(0)));
        }
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void alwaysSendChosenEarlierIsNotAskedAgain(Jdk jdk) throws Exception {
        Path consent = home.resolve(".mayday").resolve("consent.properties");
        Files.createDirectories(consent.getParent());
        Files.writeString(consent, "always.SpaceGame=true\n");
        try (Collector collector = Collector.start(home.resolve("collector"))) {
            // No display, no console: nobody could be asked, and nobody needs to be.
            ChildJvm.Result run = new ChildJvm(jdk, home)
                    .agentArgs("app=SpaceGame,mainLoop=demo.Game#tick," + askAndSendTo(collector))
                    .run("demo.Game");

            assertEquals(70, run.exitCode, run.toString());
            assertEquals("ask-remembered", onlyStoredReport(collector).getAsJsonObject("user").get("consent").getAsString());
        }
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void aServerThatGoesOnAfterAFailedRequestRaisesNoDialog(Jdk jdk) throws Exception {
        String display = TestDisplay.require();
        try (Collector collector = Collector.start(home.resolve("collector"))) {
            // The robot waits for a dialog all the while the server lingers: none must come.
            ChildJvm.Result run = ServerApps.child(jdk, home).env("DISPLAY", display)
                    .jvmArg("-Ddemo.robot=send")
                    .agentArgs(askAndSendTo(collector))
                    .run("demo.servers.JettyServer", "1", "linger=6000");

            assertEquals(0, run.exitCode, run.toString());
            assertTrue(run.stdout.contains("still serving, GET /ok: 200"), run.toString());
            assertFalse(run.stdout.contains("robot: clicked"), "no question was asked: " + run);
            assertFalse(run.stdout.contains("robot: offered"), run.toString());
            assertEquals(0, collector.reportCount());
            List<Path> waiting = Outboxes.waiting(run.outbox);
            assertEquals(1, waiting.size(), run.toString());
            assertEquals("request", Outboxes.read(waiting.get(0)).get("kind").getAsString());
            assertEquals("pending", Outboxes.consentOf(waiting.get(0)), "it waits for the next question");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void theCrashAfterAFailedRequestOffersBothAndSendDeliversBoth(Jdk jdk) throws Exception {
        String display = TestDisplay.require();
        Path screenshot = SCREENSHOTS.resolve("consent-dialog-earlier-" + jdk.feature + ".png");
        try (Collector collector = Collector.start(home.resolve("collector"))) {
            ChildJvm.Result run = ServerApps.child(jdk, home).env("DISPLAY", display)
                    .jvmArg("-Ddemo.robot=send")
                    .jvmArg("-Ddemo.robot.comment=closing the shop")
                    .jvmArg("-Ddemo.robot.screenshot=" + screenshot)
                    .agentArgs(askAndSendTo(collector))
                    .run("demo.servers.JettyServer", "1", "linger=3000", "crash");

            assertEquals(1, run.exitCode, "main ended by its exception: " + run);
            // One question, about the crash, offering the request report that came first (ticked).
            assertTrue(run.stdout.contains("robot: offered \"Also send 1 earlier problem report\" [x]"), run.toString());
            assertTrue(run.stdout.contains("robot: clicked send"), run.toString());
            assertEquals(2, Outboxes.awaitSent(run.outbox, 2, 30).size(), run.toString());
            assertEquals(2, collector.reportCount());
            JsonObject crash = null;
            JsonObject request = null;
            for (String id : collector.reportIds()) {
                JsonObject r = collector.report(id);
                if (r.get("kind").getAsString().equals("request")) {
                    request = r;
                } else {
                    crash = r;
                }
            }
            assertEquals("uncaught", crash.get("kind").getAsString());
            assertEquals("closing the shop", crash.getAsJsonObject("user").get("comment").getAsString());
            assertEquals("ask-accepted", crash.getAsJsonObject("user").get("consent").getAsString());
            assertEquals("ask-accepted", request.getAsJsonObject("user").get("consent").getAsString());
            assertFalse(request.getAsJsonObject("user").has("comment"), "the comment was about the crash");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void earlierReportsUntickedStayAndAreNotOfferedAgain(Jdk jdk) throws Exception {
        String display = TestDisplay.require();
        try (Collector collector = Collector.start(home.resolve("collector"))) {
            ChildJvm.Result run = ServerApps.child(jdk, home).env("DISPLAY", display)
                    .jvmArg("-Ddemo.robot=send")
                    .jvmArg("-Ddemo.robot.earlier=false")
                    .agentArgs(askAndSendTo(collector))
                    .run("demo.servers.JettyServer", "1", "crash");

            assertEquals(1, run.exitCode, run.toString());
            assertTrue(run.stdout.contains("robot: clicked send"), run.toString());
            assertEquals(1, Outboxes.awaitSent(run.outbox, 1, 30).size(), run.toString());
            assertEquals("uncaught", onlyStoredReport(collector).get("kind").getAsString());
            List<Path> waiting = Outboxes.waiting(run.outbox);
            assertEquals(1, waiting.size(), run.toString());
            assertEquals("ask-declined", Outboxes.consentOf(waiting.get(0)), "the person's answer is kept in it");
        }
    }
}
