package dev.mayday.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Options from every source, and bad options failing fast with one clear line. */
class OptionsTest {

    @TempDir
    Path home;

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void badValueStopsStartUpWithOneLineNamingKeyAndChoices(Jdk jdk) throws Exception {
        ChildJvm.Result run = new ChildJvm(jdk, home).agentArgs("onCrash=explode").run("demo.Hello");

        assertEquals(78, run.exitCode, run.toString());
        assertEquals("mayday: bad value 'explode' for option onCrash (agent arguments); expected one of exit, rethrow, continue",
                run.stderr.strip());
        assertFalse(run.stdout.contains("hello"));
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void unknownKeyStopsStartUpAndListsTheValidOnes(Jdk jdk) throws Exception {
        ChildJvm.Result run = new ChildJvm(jdk, home).jvmArg("-Dmayday.onCrsh=exit").run("demo.Hello");

        assertEquals(78, run.exitCode, run.toString());
        String line = run.stderr.strip();
        assertFalse(line.contains("\n"), "one line only: " + line);
        assertTrue(line.startsWith("mayday: unknown option 'onCrsh' (system property -Dmayday.onCrsh); valid options: app, version, mainLoop"), line);
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void environmentConfigFileAndPropertiesAreReadInTheirPrecedence(Jdk jdk) throws Exception {
        Path config = Files.writeString(home.resolve("mayday.properties"),
                "mainLoop=demo.Game#tick\nonCrash=rethrow\nexitCode=12\n");
        // File says rethrow, environment says exit, the system property sets the status: 13.
        ChildJvm.Result run = new ChildJvm(jdk, home).agentArgs("config=" + config)
                .env("MAYDAY_ON_CRASH", "exit").jvmArg("-Dmayday.exitCode=13").run("demo.Game", "4");

        assertEquals(13, run.exitCode, run.toString());
        assertEquals(1, run.reportFiles().size());
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void jdkToolsStartedUnderJavaToolOptionsAreLeftAlone(Jdk jdk) throws Exception {
        // Containers add agents with JAVA_TOOL_OPTIONS, which every JDK tool picks up too; keytool's
        // and jrunscript's main classes sit in java.* modules under sun.* and com.sun.* names.
        String options = "-javaagent:" + ChildJvm.AGENT_JAR + "=outbox=" + home.resolve("outbox") + ",debug=true";
        ChildJvm under = new ChildJvm(jdk, home).withoutAgent().env("JAVA_TOOL_OPTIONS", options);
        ChildJvm.Result program = under.run("demo.Hello");
        assertTrue(program.stderr.contains("mayday [debug]: started"), "a program does start it: " + program);

        ChildJvm.Result javac = under.runTool("javac", "-version");
        ChildJvm.Result keytool = under.runTool("keytool", "-help");
        ChildJvm.Result jrunscript = under.runTool("jrunscript", "-e", "print('scripted')");
        assertEquals(0, javac.exitCode, javac.toString());
        assertTrue(javac.stdout.contains("javac "), javac.toString());
        assertEquals(0, keytool.exitCode, keytool.toString());
        assertTrue((keytool.stdout + keytool.stderr).contains("Key and Certificate Management Tool"), keytool.toString());
        assertTrue(jrunscript.stdout.contains("scripted") || jrunscript.stderr.contains("engine"), jrunscript.toString());
        for (ChildJvm.Result tool : java.util.List.of(javac, keytool, jrunscript)) {
            // Only the JVM's own "Picked up JAVA_TOOL_OPTIONS" line names Mayday; Mayday says nothing.
            String out = tool.stdout + tool.stderr;
            assertFalse(out.contains("mayday:") || out.contains("mayday [debug]"), "the agent must stay out of JDK tools: " + out);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void hangAndSwallowedAreBuiltAndAProgramThatNeverStallsSeesNothingOfThem(Jdk jdk) throws Exception {
        ChildJvm.Result run = new ChildJvm(jdk, home).agentArgs("hang=5,swallowed=report").run("demo.Hello");

        assertEquals(0, run.exitCode, run.toString());
        assertFalse(run.stderr.contains("not built"), run.stderr);
        assertEquals("", run.stderr, run.toString());
        assertEquals(0, run.reportFiles().size(), run.toString());
    }
}
