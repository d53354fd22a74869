package dev.mayday.collector.config;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptionsParserTest {

    @Test
    void defaultsMatchTheSpec() throws Exception {
        CollectorOptions o = OptionsParser.parse(new String[0], Map.of());
        assertEquals(8686, o.httpPort());
        assertEquals(8687, o.wsPort());
        assertEquals("mayday.db", o.db());
        assertEquals("127.0.0.1", o.bind());
        assertEquals(5L * 1024 * 1024, o.maxReportBytes());
        assertNull(o.token());
    }

    @Test
    void flagsAndEnvironment() throws Exception {
        CollectorOptions o = OptionsParser.parse(new String[]{"--port", "9000", "--ws-port=9001", "--db",
            "jdbc:postgresql://127.0.0.1/mayday", "--max-report-bytes", "2048"}, Map.of("MAYDAY_TOKEN", "env-token"));
        assertEquals(9000, o.httpPort());
        assertEquals(9001, o.wsPort());
        assertEquals("jdbc:postgresql://127.0.0.1/mayday", o.db());
        assertEquals("env-token", o.token());
        assertEquals(2048, o.maxReportBytes());
        assertEquals("flag", OptionsParser.parse(new String[]{"--token", "flag"}, Map.of("MAYDAY_TOKEN", "env")).token());
    }

    @Test
    void mistakesGiveOneClearLine() {
        assertMessage("unknown flag --nope", "--nope");
        assertMessage("unknown flag --nope", "--nope", "1");
        assertMessage("--port needs a whole number", "--port", "abc");
        assertMessage("--port must be between 0 and 65535", "--port", "70000");
        assertMessage("flag --db needs a value", "--db");
        assertMessage("--port and --ws-port must differ", "--port", "9000", "--ws-port", "9000");
        assertMessage("--db takes a file name", "--db", "jdbc:mysql://x/y");
        assertMessage("unexpected argument 'serve'", "serve");
    }

    private static void assertMessage(String start, String... args) {
        UsageException e = assertThrows(UsageException.class, () -> OptionsParser.parse(args, Map.of()));
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line");
    }
}
