package dev.mayday.agent.capture;

import com.google.gson.JsonObject;
import dev.mayday.agent.consent.UserSection;
import dev.mayday.agent.diag.Diagnostics;
import dev.mayday.agent.outbox.Outbox;
import dev.mayday.agent.report.ReportBuilder;
import dev.mayday.agent.report.Signature;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What {@code quiet} holds back is never dropped silently: the first occurrence held back of each
 * signature prints one line, and the counts no later report carried are written to the outbox
 * when the JVM ends, as one small repeats record per signature (kind {@code repeats}) that the
 * collector adds to the group. The shutdown hook is added the first time something is held back,
 * so a program that never repeats a failure pays nothing.
 */
final class HeldBack {

    private static final int MAX_REMEMBERED = 1024;

    private final QuietWindow quiet;
    private final ReportBuilder builder;
    private final Outbox outbox;
    /** The last report written for each signature: its title, id and file. */
    private final Map<String, Written> written = new ConcurrentHashMap<String, Written>();
    private volatile boolean hookAdded;

    private static final class Written {
        final String title;
        final String id;
        final Path file;

        Written(String title, String id, Path file) {
            this.title = title;
            this.id = id;
            this.file = file;
        }
    }

    HeldBack(QuietWindow quiet, ReportBuilder builder, Outbox outbox) {
        this.quiet = quiet;
        this.builder = builder;
        this.outbox = outbox;
    }

    /** A report of {@code signature} was written to {@code file}. */
    void written(Signature signature, String id, Path file) {
        if (written.size() < MAX_REMEMBERED || written.containsKey(signature.hash())) {
            written.put(signature.hash(), new Written(signature.title(), id, file));
        }
    }

    /** An occurrence of {@code signature} was held back by {@code quiet}. */
    void heldBack(Signature signature) {
        if (quiet.firstHoldBack(signature.hash())) {
            Diagnostics.warn(signature.title() + ": the same failure again within quiet=" + quiet.windowSeconds()
                    + " s; counted, not written again (the count goes with the next report, or to the outbox"
                    + " when the program ends)");
        }
        if (!hookAdded) {
            hookAdded = true;
            try {
                Runtime.getRuntime().addShutdownHook(new Thread(new Runnable() {
                    @Override
                    public void run() {
                        writeRecords();
                    }
                }, "mayday-repeats"));
            } catch (IllegalStateException e) {
                writeRecords(); // the JVM is already ending: write what there is now
            } catch (RuntimeException e) {
                // A SecurityManager that refuses hooks: the counts still go with the next report.
                Diagnostics.warn("repeats held back by quiet cannot be kept past the program's end here ("
                        + e.getClass().getSimpleName() + "); they go with the next report of each failure");
            }
        }
    }

    /** Writes one repeats record per signature whose held-back count no report carried. */
    void writeRecords() {
        Map<String, Long> held = quiet.drain();
        for (Map.Entry<String, Long> e : held.entrySet()) {
            Written last = written.get(e.getKey());
            String title = last == null ? e.getKey() : last.title;
            String id = UUID.randomUUID().toString();
            long now = System.currentTimeMillis();
            try {
                JsonObject record = builder.repeatsRecord(id, now, e.getKey(), title, e.getValue(),
                        last == null ? null : last.id, consentOf(last));
                outbox.write(now, id, record.toString().getBytes(StandardCharsets.UTF_8));
                Diagnostics.debug("repeats record: " + e.getValue() + " x " + title);
            } catch (Throwable t) {
                Diagnostics.warn(title + ": " + e.getValue() + " repeat(s) held back by quiet could not be saved ("
                        + t.getClass().getSimpleName() + ")");
            }
        }
    }

    /** The consent of the report the repeats belong to, as it is now (the person may have answered). */
    private String consentOf(Written last) {
        if (last == null || last.file == null) {
            return null;
        }
        Path[] candidates = {last.file, last.file.resolveSibling("sent").resolve(last.file.getFileName())};
        for (Path p : candidates) {
            try {
                if (Files.isRegularFile(p) && Files.size(p) < 64L * 1024 * 1024) {
                    String consent = UserSection.consentOf(UserSection.parse(Files.readAllBytes(p)));
                    if (consent != null) {
                        return consent;
                    }
                }
            } catch (Exception ignored) {
                // moved or being rewritten: the options' consent below
            }
        }
        return null;
    }
}
