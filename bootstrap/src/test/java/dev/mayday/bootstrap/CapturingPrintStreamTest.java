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
    void aConsoleHandlerGetsTheRealStreamSoItsLinesAreNotKeptTwice() throws Exception {
        java.io.OutputStream given = JulCapture.consoleStream(new java.util.logging.ConsoleHandler(), stream);
        given.write("INFO: a record\n".getBytes(StandardCharsets.UTF_8));
        given.flush();
        assertEquals("INFO: a record\n", bytes.toString(StandardCharsets.UTF_8), "printed as before");
        assertEquals(List.of(), lines(), "the record's console copy is not kept again");
        assertEquals(false, LogEcho.active(), "the mark ends with the write");
        // Capture below System.err sees the mark while the handler writes.
        java.io.ByteArrayOutputStream below = new java.io.ByteArrayOutputStream() {
            @Override
            public synchronized void write(byte[] b, int off, int len) {
                assertEquals(true, LogEcho.active());
                super.write(b, off, len);
            }
        };
        JulCapture.consoleStream(new java.util.logging.ConsoleHandler(), below).write(new byte[] {'x'}, 0, 1);
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
