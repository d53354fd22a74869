package dev.mayday.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StandardStreamTest {

    private LogRing ring;
    private StandardStream stream;

    @BeforeEach
    void setUp() {
        ring = new LogRing(100);
        LogRing.install(ring);
        stream = new StandardStream("stdout", "no.such.encoding.key", "file.encoding");
        stream.keep = true;
    }

    @AfterEach
    void tearDown() {
        LogRing.install(null);
    }

    private void write(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        stream.take(bytes, 0, bytes.length);
    }

    private List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (LogEntry e : ring.snapshot()) {
            lines.add(e.message());
        }
        return lines;
    }

    @Test
    void cutsLinesWhereverTheWritesEnd() {
        write("one\ntw");
        write("o\r\nthree\nfour");
        assertEquals(Arrays.asList("one", "two", "three"), lines());
        assertFalse(stream.atLineStart);
        write("\n");
        assertEquals("four", lines().get(3));
        assertTrue(stream.atLineStart);
    }

    @Test
    void aCharacterSplitBetweenTwoWritesComesOutWhole() {
        byte[] e = "\u00e9\n".getBytes(StandardCharsets.UTF_8);
        stream.take(e, 0, 1);
        stream.take(e, 1, 2);
        assertEquals(Arrays.asList("\u00e9"), lines());
    }

    @Test
    void anEndlessLineIsCutAndTheBufferStaysBounded() {
        byte[] chunk = new byte[10_000];
        Arrays.fill(chunk, (byte) 'x');
        for (int i = 0; i < 100; i++) {
            stream.take(chunk, 0, chunk.length);
        }
        write("\n");
        LogEntry only = ring.snapshot().get(0);
        assertEquals(LogEntry.MAX_MESSAGE_CHARS, only.message().length());
        assertTrue(only.messageCut());
        write("short\n");
        assertEquals("short", lines().get(1));
    }

    @Test
    void aLogRecordsConsoleCopyIsNotKeptAgain() {
        LogEcho.begin();
        try {
            write("INFO: already in the ring\n");
        } finally {
            LogEcho.end();
        }
        write("the program's own\n");
        assertEquals(Arrays.asList("the program's own"), lines());
    }

    @Test
    void badArgumentsAreLeftToFileOutputStream() {
        stream.take(null, 0, 1);
        stream.take(new byte[2], 1, 5);
        stream.take(new byte[2], -1, 1);
        assertEquals(0, ring.snapshot().size());
    }
}
