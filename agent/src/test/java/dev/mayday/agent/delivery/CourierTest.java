package dev.mayday.agent.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mayday.agent.options.OptionsLoader;
import dev.mayday.agent.outbox.Outbox;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CourierTest {

    @TempDir
    Path dir;

    @Test
    void aSenderThreadThatCouldNotStartIsStartedAtTheNextReport() throws Exception {
        Path outboxDir = dir.resolve("outbox");
        Path sink = dir.resolve("sink");
        Outbox outbox = new Outbox(outboxDir);
        String id = "00000000-0000-4000-8000-000000000001";
        outbox.write(0L, id, ("{\"schema\":\"mayday/1\",\"id\":\"" + id + "\",\"app\":{\"name\":\"Test\"},"
                + "\"user\":{\"consent\":\"always\"}}").getBytes(StandardCharsets.UTF_8));
        AtomicInteger attempts = new AtomicInteger();
        ThreadFactory failsOnce = r -> {
            if (attempts.incrementAndGet() == 1) {
                throw new OutOfMemoryError("unable to create native thread: possibly out of memory");
            }
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        };
        Courier courier = new Courier(outbox, OptionsLoader.load("app=Test,consent=always,send=file:" + sink
                + ",outbox=" + outboxDir), failsOnce);

        assertFalse(courier.deliverAndWait(500), "no thread, no delivery");
        assertEquals(1, outbox.waiting().size());
        assertTrue(courier.deliverAndWait(10_000), "the next report starts the thread");
        assertEquals(0, outbox.waiting().size());
        assertTrue(Files.exists(sink.resolve(Outbox.fileName(0L, id))));
        assertEquals(2, attempts.get());
    }
}
