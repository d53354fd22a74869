package dev.mayday.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CapturingPrintStreamTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private LogRing ring;
    private PrintStream stream;

    @BeforeEach
    void setUp() {
        ring = new LogRing(100);
        LogRing.install(ring);
        Bridge.captureStreams(true, true);
        stream = Bridge.captureOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void tearDown() {
        LogRing.install(null);
    }

    private List<String> lines() {
        return ring.snapshot().stream().map(LogEntry::message).collect(java.util.stream.Collectors.toList());
    }

    @Test
    void everyWayOfPrintingReachesTheOriginalUnchangedAndCompleteLinesAreKept() {
        stream.print("partial ");
        stream.print(42);
        stream.println();
        stream.println("second");
        stream.printf("%s=%d%n", "third", 3);
        stream.write("fourth\r\nfif".getBytes(StandardCharsets.UTF_8), 0, 11);
        stream.append("th\n");

        assertEquals("partial 42\nsecond\nthird=3\nfourth\r\nfifth\n".replace("\n", System.lineSeparator())
                .replace("\r" + System.lineSeparator(), "\r\n"), bytes.toString(StandardCharsets.UTF_8));
        assertEquals(List.of("partial 42", "second", "third=3", "fourth", "fifth"), lines());
        assertEquals("stdout", ring.snapshot().get(0).level());
    }

    @Test
    void wrappingIsIdempotent() {
        assertEquals(stream, Bridge.captureOut(stream));
    }

    @Test
    void aConsoleHandlerGetsTheRealStreamSoItsLinesAreNotKeptTwice() {
        java.io.OutputStream given = JulCapture.consoleStream(new java.util.logging.ConsoleHandler(), stream);
        assertEquals(((CapturingPrintStream) stream).original(), given);
        java.util.logging.StreamHandler other = new java.util.logging.StreamHandler();
        assertEquals(stream, JulCapture.consoleStream(other, stream), "other handlers keep what they are given");
    }

    @Test
    void endlessLinesAreCut() {
        stream.print("y".repeat(50_000));
        stream.println();
        LogEntry e = ring.snapshot().get(0);
        assertEquals(LogEntry.MAX_MESSAGE_CHARS, e.message().length());
        assertEquals(true, e.messageCut());
    }
}
