package dev.mayday.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two {@code -javaagent} copies of Mayday in one JVM (one from JAVA_TOOL_OPTIONS, one on the
 * command line, from another jar path): the first starts, the second says so in one line and
 * changes nothing; its options (here {@code onCrash=continue} and another outbox) never apply.
 */
class OneMaydayPerJvmTest {

    @TempDir
    Path home;

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void aSecondCopyOfTheAgentSaysSoAndChangesNothing(Jdk jdk) throws Exception {
        Path copy = Files.createDirectories(home.resolve("elsewhere")).resolve("mayday-agent.jar");
        Files.copy(ChildJvm.AGENT_JAR, copy, StandardCopyOption.REPLACE_EXISTING);
        Path first = home.resolve("outbox");
        Path second = home.resolve("second-outbox");
        ChildJvm child = new ChildJvm(jdk, home).withoutAgent()
                .env("JAVA_TOOL_OPTIONS", "-javaagent:" + ChildJvm.AGENT_JAR + "=mainLoop=demo.Game#tick,outbox=" + first)
                .jvmArg("-javaagent:" + copy + "=mainLoop=demo.Game#tick,onCrash=continue,outbox=" + second);
        ChildJvm.Result run = child.run("demo.Game", "5");

        // The first copy's onCrash=exit holds: status 70 after tick 5.
        assertEquals(70, run.exitCode, run.toString());
        long lines = run.stderr.lines().filter(l -> l.startsWith("mayday: Mayday is already running in this JVM")).count();
        assertEquals(1, lines, run.stderr);
        assertTrue(run.stderr.contains("this copy changes nothing, the first copy's options stay"), run.stderr);
        assertEquals(1, Outboxes.waiting(first).size(), run.toString());
        assertTrue(Outboxes.waiting(second).isEmpty(), run.toString());
    }
}
