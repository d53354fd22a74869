package dev.mayday.collector.config;

import dev.mayday.collector.config.CollectorOptions.IngestKeySpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptionsParserTest {

    private static final String KEY = "ingest-key-0123456789";
    private static final String READ = "read-token-0123456789";

    @Test
    void defaultsMatchTheSpec() throws Exception {
        CollectorOptions o = OptionsParser.parse(new String[0], Map.of());
        assertEquals(8686, o.port());
        assertEquals("mayday.db", o.db());
        assertEquals("127.0.0.1", o.bind());
        assertEquals(5L * 1024 * 1024, o.maxReportBytes());
        assertEquals(List.of(), o.ingestKeys());
        assertNull(o.readToken());
        assertNull(o.tlsCert());
    }

    @Test
    void flagsAndEnvironment() throws Exception {
        CollectorOptions o = OptionsParser.parse(new String[]{"--port", "9000", "--db",
            "jdbc:postgresql://127.0.0.1/mayday", "--max-report-bytes", "2048"},
                Map.of("MAYDAY_TOKEN", KEY + ";Game=" + KEY + "-game", "MAYDAY_READ_TOKEN", READ));
        assertEquals(9000, o.port());
        assertEquals("jdbc:postgresql://127.0.0.1/mayday", o.db());
        assertEquals(List.of(new IngestKeySpec(null, KEY), new IngestKeySpec("Game", KEY + "-game")), o.ingestKeys());
        assertEquals(READ, o.readToken());
        assertEquals(2048, o.maxReportBytes());
        CollectorOptions flags = OptionsParser.parse(new String[]{"--token", "Game=" + KEY, "--token=" + KEY + "x",
            "--read-token", READ + "x", "--tls-cert", "c.pem", "--tls-key", "k.pem"},
                Map.of("MAYDAY_TOKEN", "env-ingest-key-000000", "MAYDAY_READ_TOKEN", READ));
        assertEquals(List.of(new IngestKeySpec("Game", KEY), new IngestKeySpec(null, KEY + "x")), flags.ingestKeys(),
                "--token wins over MAYDAY_TOKEN and repeats");
        assertEquals(READ + "x", flags.readToken());
        assertEquals("c.pem", flags.tlsCert());
        assertEquals("k.pem", flags.tlsKey());
    }

    @Test
    void mistakesGiveOneClearLine() {
        assertMessage("unknown flag --nope", "--nope");
        assertMessage("unknown flag --nope", "--nope", "1");
        assertMessage("--port needs a whole number", "--port", "abc");
        assertMessage("--port must be between 0 and 65535", "--port", "70000");
        assertMessage("flag --db needs a value", "--db");
        assertMessage("--ws-port is gone", "--ws-port", "9001");
        assertMessage("--db takes a file name", "--db", "jdbc:mysql://x/y");
        assertMessage("unexpected argument 'serve'", "serve");
        assertMessage("--token must be at least 16 characters", "--token", "short");
        assertMessage("--token must be at least 16 characters", "--token", "Game=short");
        assertMessage("--read-token must be at least 16 characters", "--read-token", "short");
        assertMessage("the read token must differ", "--token", KEY, "--read-token", KEY);
        assertMessage("--tls-cert and --tls-key go together", "--tls-cert", "c.pem");
        UsageException env = assertThrows(UsageException.class,
                () -> OptionsParser.parse(new String[0], Map.of("MAYDAY_TOKEN", "tiny")));
        assertTrue(env.getMessage().startsWith("MAYDAY_TOKEN must be at least 16 characters"), env.getMessage());
    }

    private static void assertMessage(String start, String... args) {
        UsageException e = assertThrows(UsageException.class, () -> OptionsParser.parse(args, Map.of()));
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line");
    }
}
