package dev.mayday.agent;

import dev.mayday.agent.attach.Arrival;
import dev.mayday.agent.attach.AttachFile;
import dev.mayday.agent.attach.Presence;
import dev.mayday.agent.capture.CrashHandler;
import dev.mayday.agent.capture.FollowUp;
import dev.mayday.agent.capture.ReportPipeline;
import dev.mayday.agent.capture.Reporter;
import dev.mayday.agent.diag.Diagnostics;
import dev.mayday.agent.instrument.Batches;
import dev.mayday.agent.instrument.Instrumenter;
import dev.mayday.agent.options.Option;
import dev.mayday.agent.options.OptionException;
import dev.mayday.agent.options.Options;
import dev.mayday.agent.options.OptionsLoader;
import dev.mayday.bootstrap.Bridge;
import dev.mayday.bootstrap.JulCapture;
import dev.mayday.bootstrap.LogRing;
import dev.mayday.bootstrap.MemoryReserve;
import dev.mayday.bootstrap.ReentrancyGuard;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.instrument.Instrumentation;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * Starts Mayday inside a JVM: reads the options, sets up the log ring, the report pipeline and
 * its thread, and puts the hooks in place. Only what must exist before the first crash happens
 * here; everything report building needs (Gson, JMX) is loaded later, on Mayday's own thread,
 * so the program does not wait for it.
 */
public final class Mayday {

    /** Exit status when the options are bad (sysexits' EX_CONFIG). */
    public static final int BAD_OPTIONS_EXIT = 78;
    /** Idle time after start-up before the reporter warms report building up. */
    private static final long WARM_UP_AFTER_MILLIS = 2_000;

    private static volatile boolean started;

    private Mayday() {
    }

    /** {@code -javaagent}: a bad option ends start-up with one line (fail fast). */
    public static void premain(String args, Instrumentation inst, ClassLoader agentLoader) {
        PrintStream err = System.err;
        Options options;
        try {
            options = OptionsLoader.load(args);
        } catch (OptionException e) {
            err.println("mayday: " + e.getMessage());
            err.flush();
            System.exit(BAD_OPTIONS_EXIT);
            return;
        }
        Instrumenter instrumenter = start(options, inst, agentLoader, err, false);
        if (instrumenter == null) {
            err.println("mayday: " + Presence.alreadyLine(Presence.current()));
        }
    }

    /**
     * Dynamic attach, once {@link Arrival} has checked the options: everything premain does, then
     * the classes already loaded are hooked as if the transformer had seen them load (batched),
     * and the attaching side gets one line saying what was done.
     *
     * @param items the option items, one per line
     */
    public static void agentmain(String items, Instrumentation inst, ClassLoader agentLoader) {
        Options options;
        try {
            options = OptionsLoader.loadItems(Arrival.items(items), System.getProperties(), System.getenv());
        } catch (OptionException e) {
            // Checked a moment ago: only a config file changed meanwhile gets here.
            Arrival.answer(AttachFile.REFUSED, e.getMessage() + "; nothing was changed in this JVM");
            return;
        }
        Instrumenter instrumenter;
        try {
            instrumenter = start(options, inst, agentLoader, System.err, true);
        } catch (RuntimeException | Error e) {
            Arrival.answer(AttachFile.REFUSED, "the agent did not start: " + e);
            throw e;
        }
        if (instrumenter == null) {
            Arrival.answer(AttachFile.ALREADY, Presence.alreadyLine(Presence.current()));
            return;
        }
        Batches.Result done = instrumenter.retransformLoaded();
        Arrival.answer(AttachFile.STARTED, "Mayday " + agentVersion() + " runs in this JVM now (options "
                + options.digest() + "); " + done.summary());
    }

    /** The instrumenter, or null when Mayday already runs in this JVM (then nothing is changed). */
    private static synchronized Instrumenter start(final Options options, final Instrumentation inst,
                                                   ClassLoader agentLoader, PrintStream err, boolean attached) {
        if (started || !Presence.claim()) {
            return null;
        }
        started = true;
        try {
            Instrumenter instrumenter = startClaimed(options, inst, agentLoader, err, attached);
            Presence.started(options, attached ? "attach" : "javaagent");
            return instrumenter;
        } catch (RuntimeException | Error e) {
            Presence.release();
            throw e;
        }
    }

    private static Instrumenter startClaimed(final Options options, final Instrumentation inst,
                                             ClassLoader agentLoader, PrintStream err, boolean attached) {
        Diagnostics.configure(options.flag(Option.DEBUG), err);
        for (Option o : options.givenButNotBuilt()) {
            Diagnostics.warn("option " + o.key() + " is not built yet in this version; it is accepted and ignored");
        }
        for (String name : options.ignoredEnvironment()) {
            Diagnostics.debug("ignored environment variable " + name + " (no such option)");
        }

        LogRing.install(new LogRing(options.integer(Option.LOG_BUFFER)));
        JulCapture.setEnabled(options.captures("jul"));
        Bridge.captureStreams(options.captures("stdout"), options.captures("stderr"));
        if (!attached) {
            // A program already running has set its streams as it wants them: an attach never
            // replaces them (System.out == s must hold); only streams it sets later are captured.
            captureStandardStreams();
        }

        // Thread and System are hooked before main runs: a program may set its own System.out or
        // default handler in its first line. (An attach hooks them with everything else loaded.)
        final Instrumenter instrumenter = Instrumenter.install(inst, options, agentLoader);
        if (!attached) {
            instrumenter.hookThreadAndSystem();
        }
        // The main thread's re-entrancy flag exists before any crash needs it.
        if (ReentrancyGuard.enter()) {
            ReentrancyGuard.exit();
        }
        final FollowUp followUp = new FollowUp(options);
        Reporter reporter = new Reporter(new Supplier<ReportPipeline>() {
            @Override
            public ReportPipeline get() {
                return ReportPipeline.create(options, inst, agentVersion());
            }
        }, new Runnable() {
            @Override
            public void run() {
                MemoryReserve.take(); // heap to give back when the program runs out of it
                instrumenter.hookOtherLoadedJdkClasses();
                followUp.startUp(); // what earlier runs left in the outbox, in the background
            }
        }, WARM_UP_AFTER_MILLIS);
        Bridge.install(new CrashHandler(reporter, followUp, options.onCrash(), options.uncaught(),
                options.integer(Option.EXIT_CODE)));
        reporter.start();
        if (Diagnostics.debugging()) {
            Diagnostics.debug("started; outbox " + options.outbox());
        }
        return instrumenter;
    }

    private static void captureStandardStreams() {
        System.setOut(Bridge.captureOut(System.out));
        System.setErr(Bridge.captureErr(System.err));
    }

    /** The version Maven wrote into the jar. */
    public static String agentVersion() {
        Properties p = new Properties();
        try (InputStream in = Mayday.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException ignored) {
            // unknown
        }
        return p.getProperty("version", "unknown");
    }
}
