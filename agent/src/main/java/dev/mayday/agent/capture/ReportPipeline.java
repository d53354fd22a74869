package dev.mayday.agent.capture;

import com.google.gson.JsonObject;
import dev.mayday.agent.diag.Diagnostics;
import dev.mayday.agent.options.Option;
import dev.mayday.agent.options.Options;
import dev.mayday.agent.outbox.Outbox;
import dev.mayday.agent.report.FrameLocator;
import dev.mayday.agent.report.FrameRules;
import dev.mayday.agent.report.MinimalReport;
import dev.mayday.agent.report.ReportBuilder;
import dev.mayday.agent.report.ReportTrimmer;
import dev.mayday.agent.report.Signature;
import dev.mayday.bootstrap.MemoryReserve;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.util.UUID;

/**
 * From a caught failure to a report file in the outbox: signature, the {@code quiet} window, the
 * full report (or a minimal one if building it fails), the size limit, the atomic write.
 */
public final class ReportPipeline {

    private final ReportBuilder builder;
    private final Outbox outbox;
    private final QuietWindow quiet;

    public ReportPipeline(ReportBuilder builder, Outbox outbox, long quietSeconds) {
        this.builder = builder;
        this.outbox = outbox;
        this.quiet = new QuietWindow(quietSeconds);
    }

    /** The pipeline the options describe; called on the reporter thread when first needed. */
    public static ReportPipeline create(Options options, Instrumentation inst, String agentVersion) {
        ReportBuilder builder = new ReportBuilder(options, agentVersion, FrameRules.standard(), new FrameLocator(inst));
        return new ReportPipeline(builder, new Outbox(options.outbox()), options.integer(Option.QUIET));
    }

    /** Writes the report; returns its file, or null if it was held back or could not be written. */
    Path write(CrashEvent event) {
        String id = event.presetId() != null ? event.presetId() : UUID.randomUUID().toString();
        Signature signature = null;
        byte[] json;
        try {
            signature = Signature.of(event.failure(), builder.rules());
            long repeats = event.isUpdate() ? 0 : quiet.admit(signature.hash(), event.timeMillis());
            if (repeats < 0) {
                Diagnostics.debug("held back (quiet): " + signature.title());
                return null;
            }
            long start = System.nanoTime();
            JsonObject report = builder.build(event, id, signature, repeats);
            long built = System.nanoTime();
            json = ReportTrimmer.fit(report);
            if (Diagnostics.debugging()) {
                Diagnostics.debug("report built in " + (built - start) / 1_000_000 + " ms, serialized ("
                        + json.length + " bytes) in " + (System.nanoTime() - built) / 1_000_000 + " ms");
            }
        } catch (Throwable e) {
            Diagnostics.debug("full report failed: " + e);
            json = MinimalReport.build(id, event.timeMillis(), event.kind(),
                    signature == null ? "unknown" : signature.hash(),
                    signature == null ? event.failure().getClass().getName() : signature.title(),
                    event.failure(), e);
        }
        String title = signature == null ? event.failure().getClass().getName() : signature.title();
        try {
            long writeStart = System.nanoTime();
            Path file = outbox.write(event.timeMillis(), id, json);
            Diagnostics.debug("written in " + (System.nanoTime() - writeStart) / 1_000_000 + " ms");
            if (event.isUpdate()) {
                Diagnostics.debug(title + ": report updated in " + file);
            } else {
                Diagnostics.warn(title + ": crash report saved to " + file);
            }
            return file;
        } catch (IOException | RuntimeException e) {
            // Nothing else can keep it: say so, with the failure itself, on stderr.
            Diagnostics.warn(title + ": could not save the crash report in " + outbox.directory() + " ("
                    + e + "); the failure was: " + event.failure());
            return null;
        } finally {
            if (!CrashEvent.OOM.equals(event.kind())) {
                MemoryReserve.take(); // after an OOM, not now: the program needs the room to end
            }
        }
    }

    /**
     * Keeps the outbox within its bound, oldest dropped first. Called after a report is written and
     * its thread let go: the listing is not part of the crash-to-disk path.
     */
    void trimOutbox() {
        int dropped = outbox.enforceLimits();
        if (dropped > 0) {
            Diagnostics.warn("outbox full (" + Outbox.MAX_WAITING + " reports or "
                    + Outbox.MAX_WAITING_BYTES / (1024 * 1024) + " MiB): dropped the " + dropped
                    + " oldest waiting report(s)");
        }
    }

    /**
     * Builds (and throws away) one report, so that the classes and JMX beans a report needs are
     * loaded before the first real crash, and sets the memory reserve aside.
     */
    void warmUp() {
        MemoryReserve.take();
        try {
            Throwable sample = new IllegalStateException("warm-up");
            CrashEvent event = new CrashEvent(CrashEvent.MAIN_LOOP, Thread.currentThread(), sample, "mainLoop",
                    "warm-up", null, System.currentTimeMillis());
            ReportTrimmer.fit(builder.build(event, "warm-up", Signature.of(sample, builder.rules()), 0));
            builder.warmUpLogFormatting();
            Outbox.fileName(event.timeMillis(), "warm-up");
            Diagnostics.debug("report building warmed up");
        } catch (Throwable e) {
            Diagnostics.debug("warm-up failed: " + e);
        }
    }
}
