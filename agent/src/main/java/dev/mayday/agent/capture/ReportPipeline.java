package dev.mayday.agent.capture;

import com.google.gson.JsonObject;
import dev.mayday.agent.diag.Diagnostics;
import dev.mayday.agent.options.Option;
import dev.mayday.agent.options.Options;
import dev.mayday.agent.outbox.Outbox;
import dev.mayday.agent.report.FrameLocator;
import dev.mayday.agent.report.FrameRules;
import dev.mayday.agent.report.MinimalReport;
import dev.mayday.agent.report.PlatformBeans;
import dev.mayday.agent.report.RandomIds;
import dev.mayday.agent.report.ReportBuilder;
import dev.mayday.agent.report.ReportTrimmer;
import dev.mayday.agent.report.SafeThrowable;
import dev.mayday.agent.report.Signature;
import dev.mayday.bootstrap.MemoryReserve;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;

/**
 * From a caught failure to a report file in the outbox: signature, the {@code quiet} window, the
 * full report (or a minimal one if building it fails), the size limit, the atomic write.
 */
public final class ReportPipeline {

    private final ReportBuilder builder;
    private final Outbox outbox;
    private final QuietWindow quiet;
    private final HeldBack heldBack;
    /** True once a report was built: its code, the JDK's and JMX's are loaded and linked. */
    private volatile boolean warm;

    public ReportPipeline(ReportBuilder builder, Outbox outbox, long quietSeconds) {
        this.builder = builder;
        this.outbox = outbox;
        this.quiet = new QuietWindow(quietSeconds);
        this.heldBack = new HeldBack(quiet, builder, outbox);
    }

    /** The pipeline the options describe; called on the reporter thread when first needed. */
    public static ReportPipeline create(Options options, Instrumentation inst, String agentVersion) {
        if (inst != null) {
            PlatformBeans.open(inst);
        }
        ReportBuilder builder = new ReportBuilder(options, agentVersion, FrameRules.standard(), new FrameLocator(inst));
        return new ReportPipeline(builder, new Outbox(options.outbox()), options.integer(Option.QUIET));
    }

    /** {@link #write(CrashEvent, int)}: the whole report. */
    static final int FULL = 0;
    /** ...without the dump of every thread (the JVM is ending with reports still to write). */
    static final int WITHOUT_THREADS = 1;
    /** ...only the minimal report (no time is left). */
    static final int MINIMAL = 2;

    /** Writes the report; returns its file, or null if it was held back or could not be written. */
    Path write(CrashEvent event) {
        return write(event, FULL);
    }

    /**
     * Writes the report in {@code mode}; returns its file, or null if it was held back or could not
     * be written (then one line on stderr says so, always, with the failure itself cut to a line).
     */
    Path write(CrashEvent event, int mode) {
        String id = event.presetId() != null ? event.presetId() : RandomIds.next();
        Signature signature = null;
        byte[] json = null;
        Throwable whyMinimal = null;
        ReportBuilder.Aside early = null;
        try {
            if (mode == FULL && !warm) {
                early = builder.readAside(event); // the first report: everything is cold (see readAside)
            }
            signature = builder.signature(event.failure());
            long repeats = event.admitted; // a second attempt (the JVM's end) is not a second occurrence
            if (event.isUpdate()) {
                repeats = 0; // a hang report rewritten as the stall goes on is not a new occurrence
            } else if (repeats == Long.MIN_VALUE) {
                repeats = quiet.admit(signature.hash(), event.timeMillis());
                event.admitted = repeats;
            }
            if (repeats < 0) {
                event.outcome(CrashEvent.HELD_BACK);
                heldBack.heldBack(signature); // one line the first time; the count outlives the JVM
                return null;
            }
            if (mode != MINIMAL) {
                long start = System.nanoTime();
                StringBuilder timings = Diagnostics.debugging() ? new StringBuilder() : null;
                JsonObject report = builder.build(event, id, signature, repeats, mode == FULL, timings, early);
                warm = true;
                long built = System.nanoTime();
                json = ReportTrimmer.fit(report);
                if (timings != null) {
                    Diagnostics.debug("report built in " + (built - start) / 1_000_000 + " ms (" + timings.toString().trim()
                            + "), serialized (" + json.length + " bytes) in " + (System.nanoTime() - built) / 1_000_000
                            + " ms");
                }
            }
        } catch (Throwable e) {
            whyMinimal = e;
            json = null;
            try {
                Diagnostics.debug("full report failed: " + SafeThrowable.line(e));
            } catch (Throwable ignored) {
                // no memory for the line
            }
        }
        String title = signature == null ? event.failure().getClass().getName() : signature.title();
        if (json == null) {
            json = minimal(event, id, signature, title, whyMinimal);
        }
        if (!event.claimFile()) {
            return null; // written meanwhile by the end of the JVM's minimal report (or the other way round)
        }
        try {
            long writeStart = System.nanoTime();
            // At the JVM's end (any mode but FULL) many reports may be waiting: no fsync each.
            Path file = outbox.write(event.timeMillis(), id, json, mode == FULL);
            event.outcome(CrashEvent.WRITTEN);
            Diagnostics.debug("written in " + (System.nanoTime() - writeStart) / 1_000_000 + " ms");
            if (event.isUpdate()) {
                Diagnostics.debug(title + ": report updated in " + file);
            } else {
                Diagnostics.warn(title + ": crash report saved to " + file);
                if (signature != null) {
                    heldBack.written(signature, id, file);
                }
            }
            return file;
        } catch (Throwable e) {
            // Nothing else can keep it: say so, with the failure itself (cut to a line), on stderr.
            event.outcome(CrashEvent.LOST);
            Diagnostics.warn(SafeThrowable.cut(title) + ": could not save the crash report in " + outbox.directory()
                    + " (" + SafeThrowable.line(e) + "); the failure was: " + SafeThrowable.line(event.failure()));
            return null;
        } finally {
            if (!CrashEvent.OOM.equals(event.kind())) {
                MemoryReserve.take(); // after an OOM, not now: the program needs the room to end
            }
        }
    }

    /** The minimal report, with {@code app} and {@code user} when they can be had; never throws. */
    private byte[] minimal(CrashEvent event, String id, Signature signature, String title, Throwable why) {
        String hash = signature == null ? "unknown" : signature.hash();
        if (why == null) {
            why = new IllegalStateException("no time left: the JVM was ending");
        }
        try {
            return builder.minimal(event, id, hash, title, why);
        } catch (Throwable e) {
            return MinimalReport.build(id, event.timeMillis(), event.kind(), hash, title, event.failure(), why);
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
}
