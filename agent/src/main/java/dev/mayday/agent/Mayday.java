package dev.mayday.agent;

import dev.mayday.agent.attach.Arrival;
import dev.mayday.agent.attach.AttachFile;
import dev.mayday.agent.attach.Presence;
import dev.mayday.agent.capture.CrashHandler;
import dev.mayday.agent.capture.FollowUp;
import dev.mayday.agent.capture.LoggedErrors;
import dev.mayday.agent.capture.MaydayThreads;
import dev.mayday.agent.capture.ReportPipeline;
import dev.mayday.agent.capture.Reporter;
import dev.mayday.agent.capture.RequestReports;
import dev.mayday.agent.capture.ReserveAtFirstCollection;
import dev.mayday.agent.diag.Diagnostics;
import dev.mayday.agent.instrument.Batches;
import dev.mayday.agent.instrument.Instrumenter;
import dev.mayday.agent.options.Option;
import dev.mayday.agent.options.OptionException;
import dev.mayday.agent.options.Options;
import dev.mayday.agent.options.OptionsLoader;
import dev.mayday.bootstrap.Bridge;
import dev.mayday.bootstrap.JulCapture;
import dev.mayday.bootstrap.LogCapture;
import dev.mayday.bootstrap.LogRing;
import dev.mayday.bootstrap.ReentrancyGuard;
import dev.mayday.bootstrap.StreamTap;
import dev.mayday.bootstrap.TaskFailures;
import dev.mayday.agent.watch.Watch;
import dev.mayday.agent.fatal.FatalErrorLogs;
import dev.mayday.bootstrap.RequestFailures;
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
        LogCapture.setEnabled(options.captures("logback"), options.captures("log4j2"));
        // Nothing goes in front of System.out or System.err: the FileOutputStream tap reads the
        // bytes below whatever stream the program uses.
        StreamTap.keep(options.captures("stdout"), options.captures("stderr"));

        // Thread and FileOutputStream are hooked before main runs: a program may print or set its
        // own default handler in its first line. (An attach hooks them with everything else loaded;
        // the tap then reads streams the program had set before Mayday arrived.)
        final Instrumenter instrumenter = Instrumenter.install(inst, options, agentLoader);
        if (!attached) {
            instrumenter.hookThreadAndSystem();
        }
        // The main thread's re-entrancy flag exists before any crash needs it.
        if (ReentrancyGuard.enter()) {
            ReentrancyGuard.exit();
        }
        final boolean swallowed = !"off".equals(options.get(Option.SWALLOWED));
        if (swallowed) {
            TaskFailures.enable(); // a flag: the hooks track failures from now on
        }
        // The rest (the reporter, the sinks, their threads) is not needed before the first
        // failure: under -javaagent it is built on Mayday's own thread while the program's main
        // starts, and a failure that comes first waits for it (Bridge.awaitStart). An attach
        // builds it here: its caller waits for the answer anyway.
        Runnable rest = new Runnable() {
            @Override
            public void run() {
                try {
                    startReporting(options, inst, instrumenter, swallowed);
                } catch (Throwable e) {
                    Diagnostics.warn("the agent did not start reporting: " + e);
                } finally {
                    Bridge.started();
                }
            }
        };
        if (attached) {
            rest.run();
        } else {
            Thread starter = MaydayThreads.newThread("mayday-start", 0, rest, null);
            Bridge.startingOn(starter);
            try {
                starter.start();
            } catch (Throwable e) {
                Bridge.started();
                rest.run(); // no thread to be had: here, then
            }
        }
        if (Diagnostics.debugging()) {
            Diagnostics.debug("started; outbox " + options.outbox());
        }
        return instrumenter;
    }

    /** The reporter, the crash handler and the sinks, connected; then the reporter's thread. */
    private static void startReporting(final Options options, final Instrumentation inst,
                                       final Instrumenter instrumenter, final boolean swallowed) {
        final FollowUp followUp = new FollowUp(options);
        final Reporter[] self = new Reporter[1];
        Reporter reporter = new Reporter(new Supplier<ReportPipeline>() {
            @Override
            public ReportPipeline get() {
                return ReportPipeline.create(options, inst, agentVersion());
            }
        }, new Runnable() {
            @Override
            public void run() {
                ReserveAtFirstCollection.arm(inst); // heap to give back when the program runs out of it
                instrumenter.hookOtherLoadedJdkClasses();
                Watch.start(options.integer(Option.HANG), swallowed, self[0], followUp);
                followUp.startUp(); // what earlier runs left in the outbox, in the background
                FatalErrorLogs.reportNew(options.outbox(), self[0], followUp); // a JVM that died before this one
            }
        }, -1); // nothing warmed up in advance: a program that never fails never pays for a report
        self[0] = reporter;
        CrashHandler crashHandler = new CrashHandler(reporter, followUp, options.onCrash(), options.uncaught(),
                options.integer(Option.EXIT_CODE));
        Bridge.install(crashHandler);
        Options.Logged logged = options.logged();
        if (logged != Options.Logged.OFF) {
            LogCapture.installLogged(new LoggedErrors(reporter, followUp, crashHandler),
                    logged == Options.Logged.WARN ? LogCapture.WARN : LogCapture.ERROR);
        }
        RequestFailures.install(new RequestReports(crashHandler, options.redact()));
        reporter.start();
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
