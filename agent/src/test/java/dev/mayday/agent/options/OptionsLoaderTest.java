package dev.mayday.agent.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptionsLoaderTest {

    @TempDir
    Path dir;

    private static Properties props(String... pairs) {
        Properties p = new Properties();
        for (int i = 0; i < pairs.length; i += 2) {
            p.setProperty(pairs[i], pairs[i + 1]);
        }
        return p;
    }

    @Test
    void defaultsAreTheSpecs() throws Exception {
        Options o = OptionsLoader.load(null, new Properties(), Map.of());
        assertEquals(Options.OnCrash.EXIT, o.onCrash());
        assertEquals(70, o.integer(Option.EXIT_CODE));
        assertEquals(Options.Uncaught.REPORT, o.uncaught());
        assertEquals(600, o.integer(Option.QUIET));
        assertEquals(1000, o.integer(Option.LOG_BUFFER));
        assertTrue(o.captures("jul") && o.captures("stdout") && o.captures("log4j2"));
        assertEquals(Path.of(System.getProperty("user.home"), ".mayday", "outbox"), o.outbox());
        assertEquals(List.of(), o.list(Option.MAIN_LOOP));
    }

    @Test
    void precedenceIsAgentArgsThenPropertiesThenEnvironmentThenFile() throws Exception {
        Path file = Files.writeString(dir.resolve("m.properties"), "onCrash=continue\nexitCode=1\nquiet=5\nlogBuffer=7\n");
        Options o = OptionsLoader.load("config=" + file + ",onCrash=rethrow",
                props("mayday.onCrash", "exit", "mayday.exitCode", "2"),
                Map.of("MAYDAY_EXIT_CODE", "3", "MAYDAY_QUIET", "4"));
        assertEquals(Options.OnCrash.RETHROW, o.onCrash());
        assertEquals(2, o.integer(Option.EXIT_CODE));
        assertEquals(4, o.integer(Option.QUIET));
        assertEquals(7, o.integer(Option.LOG_BUFFER));
    }

    @Test
    void repeatedAgentArgsAndSemicolonsMakeLists() throws Exception {
        assertEquals(List.of("a.B#c", "d.E#f"),
                OptionsLoader.load("mainLoop=a.B#c,mainLoop=d.E#f", new Properties(), Map.of()).list(Option.MAIN_LOOP));
        assertEquals(List.of("a.B#c", "@x.Y"),
                OptionsLoader.load(null, props("mayday.mainLoop", "a.B#c; @x.Y"), Map.of()).list(Option.MAIN_LOOP));
        assertEquals(List.of("g.H#i", "j.K#*"),
                OptionsLoader.load(null, new Properties(), Map.of("MAYDAY_MAIN_LOOP", "g.H#i;j.K#*")).list(Option.MAIN_LOOP));
    }

    @Test
    void badValuesNameTheKeyAndTheChoices() {
        assertEquals("bad value 'sometimes' for option consent (agent arguments); expected one of ask, always, never",
                assertThrows(OptionException.class, () -> OptionsLoader.load("consent=sometimes", new Properties(), Map.of()))
                        .getMessage());
        assertEquals("bad value '300' for option exitCode (system property); expected a whole number from 0 to 255",
                assertThrows(OptionException.class,
                        () -> OptionsLoader.load(null, props("mayday.exitCode", "300"), Map.of())).getMessage());
        assertTrue(assertThrows(OptionException.class,
                () -> OptionsLoader.load("mainLoop=NoHash", new Properties(), Map.of())).getMessage()
                .contains("expected pkg.Class#method"));
        assertTrue(assertThrows(OptionException.class,
                () -> OptionsLoader.load("send=ftp://x", new Properties(), Map.of())).getMessage()
                .contains("expected ws://"));
        assertTrue(assertThrows(OptionException.class,
                () -> OptionsLoader.load("logCapture=jul:syslog", new Properties(), Map.of())).getMessage()
                .contains("':'-separated list of jul, logback, log4j2, stdout, stderr"));
        assertTrue(assertThrows(OptionException.class,
                () -> OptionsLoader.load("redact=(", new Properties(), Map.of())).getMessage()
                .startsWith("bad value '(' for option redact"));
        assertTrue(assertThrows(OptionException.class,
                () -> OptionsLoader.load("quiet=1,quiet=2", new Properties(), Map.of())).getMessage()
                .contains("given twice"));
    }

    @Test
    void unknownKeysAreRefusedExceptUnrelatedEnvironmentVariables() throws Exception {
        OptionException e = assertThrows(OptionException.class,
                () -> OptionsLoader.load("onCrsh=exit", new Properties(), Map.of()));
        assertTrue(e.getMessage().startsWith("unknown option 'onCrsh' (agent arguments); valid options: app, version"));
        Options o = OptionsLoader.load(null, new Properties(), Map.of("MAYDAY_TEST_PG_URL", "x"));
        assertEquals(List.of("MAYDAY_TEST_PG_URL"), o.ignoredEnvironment());
    }

    @Test
    void missingConfigFileIsOneClearLine() {
        OptionException e = assertThrows(OptionException.class,
                () -> OptionsLoader.load("config=" + dir.resolve("none.properties"), new Properties(), Map.of()));
        assertEquals("config file " + dir.resolve("none.properties") + " does not exist (option config)", e.getMessage());
    }

    @Test
    void environmentNamesSplitCamelCase() {
        assertEquals("MAYDAY_MAIN_LOOP", Option.MAIN_LOOP.environmentName());
        assertEquals("MAYDAY_TOKEN", Option.TOKEN.environmentName());
        assertEquals("MAYDAY_LOG_CAPTURE", Option.LOG_CAPTURE.environmentName());
    }

    @Test
    void optionsNotBuiltYetAreListedOnlyWhenGiven() throws Exception {
        assertEquals(List.of(), OptionsLoader.load(null, new Properties(), Map.of()).givenButNotBuilt());
        // hang and swallowed, the last ones, are built (issue 10).
        assertEquals(List.of(),
                OptionsLoader.load("hang=5,send=file:/tmp/x,token=t", new Properties(), Map.of()).givenButNotBuilt());
    }
}
