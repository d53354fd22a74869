package dev.mayday.agent.capture;

import dev.mayday.agent.diag.Diagnostics;
import dev.mayday.agent.instrument.MainLoopOrigins;
import dev.mayday.agent.options.Options;
import dev.mayday.agent.report.SafeThrowable;
import dev.mayday.bootstrap.CrashSink;
import dev.mayday.bootstrap.MemoryReserve;
import java.nio.file.Path;

/**
 * Where woven code hands over a failure: decides whether it is reported (once per exception
 * object), has the {@link Reporter} write it, then does what {@code onCrash} or {@code uncaught}
 * says. Runs on the failing thread.
 */
public final class CrashHandler implements CrashSink {

    private final Reporter reporter;
    private final FollowUp followUp;
    private final Options.OnCrash onCrash;
    private final Options.Uncaught uncaught;
    private final int exitCode;
    private final RecentFailures recent = new RecentFailures();
    private final ExitGate exitGate = new ExitGate();

    public CrashHandler(Reporter reporter, FollowUp followUp, Options.OnCrash onCrash, Options.Uncaught uncaught,
                        int exitCode) {
        this.reporter = reporter;
        this.followUp = followUp;
        this.onCrash = onCrash;
        this.uncaught = uncaught;
        this.exitCode = exitCode;
    }

    @Override
    public int mainLoopFailed(Throwable failure, int originId) {
        freeMemoryFor(failure);
        boolean exitFollows = onCrash == Options.OnCrash.EXIT;
        if (exitFollows) {
            exitGate.arrive();
        }
        if (recent.firstTime(failure)) {
            String origin = MainLoopOrigins.get(originId);
            int bar = origin.indexOf('|');
            String pattern = bar < 0 ? origin : origin.substring(0, bar);
            String method = bar < 0 ? null : origin.substring(bar + 1);
            CrashEvent event = new CrashEvent(CrashEvent.MAIN_LOOP, Thread.currentThread(), failure,
                    "mainLoop", pattern, method, System.currentTimeMillis());
            Path report = reporter.report(event);
            if (exitFollows && report == null && event.outcome() != CrashEvent.HELD_BACK) {
                // No report anywhere: the failure goes to stderr, as it would have without Mayday.
                printFailure(Thread.currentThread(), failure);
            }
            // The loop goes on after rethrow or continue: only an ending program waits for the person.
            followUp(report, exitFollows, exitFollows);
        }
        if (exitFollows) {
            // Another failing thread still asking or delivering (the first of two, when this one
            // was held back by quiet) is not cut short: the last one ends the JVM.
            exitGate.readyToExit();
            exit("onCrash=exit");
            return RETHROW; // only if exiting was refused
        }
        return onCrash == Options.OnCrash.CONTINUE ? CONTINUE : RETHROW;
    }

    @Override
    public boolean uncaught(Thread thread, Throwable failure, String origin) {
        if (uncaught == Options.Uncaught.OFF || failure == null || isThreadDeath(failure)) {
            return false;
        }
        freeMemoryFor(failure);
        if (MaydayThreads.isMaydays(thread)) {
            return false; // Mayday's own failure, never reported as the program's (its thread says so)
        }
        boolean exitFollows = uncaught == Options.Uncaught.EXIT;
        if (exitFollows) {
            exitGate.arrive();
        }
        if (recent.firstTime(failure)) {
            Path report = reporter.report(new CrashEvent(CrashEvent.UNCAUGHT, thread, failure, "uncaught", origin,
                    null, System.currentTimeMillis()));
            // The thread is ending anyway (the event thread shows the dialog modally and keeps painting).
            followUp(report, exitFollows, true);
        }
        return exitFollows;
    }

    /**
     * A server caught {@code failure} at its request boundary and answers 500 ({@link RequestReports}).
     * Reported once per exception object (a nested dispatch, or the server logging it afterwards,
     * makes no second report); the request goes on at once after the report is written.
     */
    /**
     * True the first time this exception object is offered for a report by any path: a server
     * that reports a request failure and then logs the same exception at ERROR makes one report.
     */
    boolean firstReport(Throwable failure) {
        return recent.firstTime(failure);
    }

    void requestFailed(Throwable failure, String request, String server) {
        freeMemoryFor(failure);
        if (recent.firstTime(failure)) {
            Path report = reporter.report(new CrashEvent(CrashEvent.REQUEST, Thread.currentThread(), failure,
                    "request", request, System.currentTimeMillis(), "server", server));
            if (report != null) {
                try {
                    // The server goes on: under consent=ask nothing is asked now (see ConsentFlow).
                    followUp.afterReport(report, CrashEvent.REQUEST, false, false);
                } catch (Throwable e) {
                    Diagnostics.warn("could not deliver " + report + " (" + e + "); it stays in the outbox");
                }
            }
        }
    }

    /** Consent and delivery; a failure there never changes what happens to the program. */
    private void followUp(Path report, boolean exitFollows, boolean mayBlock) {
        if (report == null) {
            return;
        }
        try {
            followUp.afterReport(report, exitFollows, mayBlock);
        } catch (Throwable e) {
            Diagnostics.warn("could not ask about or deliver " + report + " (" + e + "); it stays in the outbox");
        }
    }

    @Override
    public void exitAfterUncaught() {
        exitGate.readyToExit();
        exit("uncaught=exit");
    }

    /** An OutOfMemoryError among the causes gives the reserve back too (woven code checked the outermost). */
    private static void freeMemoryFor(Throwable failure) {
        if (CrashEvent.isOutOfMemory(failure)) {
            MemoryReserve.release();
        }
    }

    /** {@code Exception in thread "main" ...} as the JVM prints it, to the stderr Mayday started with. */
    private static void printFailure(Thread thread, Throwable failure) {
        try {
            Diagnostics.printRaw("Exception in thread \"" + thread.getName() + "\" " + SafeThrowable.stackTrace(failure));
        } catch (Throwable e) {
            // out of memory: the exit status still says it failed
        }
    }

    private static boolean isThreadDeath(Throwable failure) {
        // Thread.stop's signal, not a bug (the class is deprecated for removal, so test by name).
        return failure.getClass().getName().equals("java.lang.ThreadDeath");
    }

    private void exit(String why) {
        try {
            Diagnostics.warn("ending the program with exit status " + exitCode + " (" + why + ")");
        } catch (Throwable e) {
            // out of memory again: exit all the same
        }
        try {
            System.exit(exitCode);
        } catch (SecurityException e) {
            Diagnostics.warn("exit refused by the security manager: " + e.getMessage());
        } catch (Throwable e) {
            // The orderly exit itself failed (out of memory while starting the shutdown): the
            // status must still say that the program failed.
            Runtime.getRuntime().halt(exitCode);
        }
    }
}
