package dev.mayday.agent.delivery;

import dev.mayday.agent.diag.Diagnostics;
import dev.mayday.agent.options.Options;
import dev.mayday.agent.outbox.Outbox;
import dev.mayday.agent.report.AppInfo;
import dev.mayday.agent.transport.Destinations;
import java.util.List;
import java.util.Map;

/**
 * Delivers this program's reports from the outbox (an outbox shared by several programs holds
 * reports meant for their own collectors), from inside the program, on one daemon thread of its own ({@code
 * mayday-sender}, started on first use, so it never keeps the JVM alive): at start-up what earlier
 * runs left, after each crash the new report. Failed passes are retried with {@link Backoff}, then
 * left for the next start or the {@code send} command. When the JVM shuts down while a pass runs,
 * a shutdown hook gives it a few seconds.
 */
public final class Courier {

    /** How long the end of the JVM waits for a delivery in progress. */
    public static final long EXIT_WAIT_MILLIS = 5_000;
    /**
     * Leftovers wait this long after start-up, so that loading the transport and Gson does not
     * compete with the program's own start on a small machine.
     */
    static final long LEFTOVERS_DELAY_MILLIS = 1_000;
    /** A pass that finds another process delivering from the outbox runs again this soon (doubling, up to the max). */
    static final long BUSY_RETRY_MILLIS = 250;
    static final long BUSY_RETRY_MAX_MILLIS = 5_000;

    private final Outbox outbox;
    private final Options options;
    private final List<String> destinations;
    private final String token;
    private final Clearance clearance;
    private final boolean enabled;
    private final java.util.concurrent.ThreadFactory threads;

    private final Object lock = new Object();
    private Thread thread;
    private boolean requested;
    private long started;
    private long completed;
    private long retryAt;
    private int failuresInARow;
    private int busyInARow;
    /** The causes already said (see {@link #say}); used on the sender thread only. */
    private final java.util.Set<String> said = new java.util.HashSet<String>();
    private boolean hookAdded;
    private volatile boolean exitWaitDone;
    /** This program's {@code app.name}, worked out on the sender thread at its first pass. */
    private String appName;

    public Courier(Outbox outbox, Options options) {
        this(outbox, options, null);
    }

    /** As above; {@code threads} makes the sender thread (null: a plain {@code new Thread}). */
    Courier(Outbox outbox, Options options, java.util.concurrent.ThreadFactory threads) {
        this.threads = threads;
        this.outbox = outbox;
        this.options = options;
        this.destinations = options.destinations();
        this.token = options.token();
        this.clearance = options.consent() == Options.Consent.ALWAYS ? Clearance.AGENT_ALWAYS : Clearance.AGENT_ASK;
        this.enabled = !destinations.isEmpty() && options.consent() != Options.Consent.NEVER;
    }

    /** False when there is nowhere to send or the owner chose {@code consent=never}. */
    public boolean enabled() {
        return enabled;
    }

    /**
     * At start-up: sends what earlier runs left, in the background, a second after start; costs a
     * directory listing when nothing waits.
     */
    public void deliverLeftovers() {
        if (enabled && !outbox.waiting().isEmpty()) {
            synchronized (lock) {
                retryAt = System.currentTimeMillis() + LEFTOVERS_DELAY_MILLIS;
                startThread();
                lock.notifyAll();
            }
        }
    }

    /** After a crash: delivers in the background; the end of the JVM waits a little for it. */
    public void deliverSoon() {
        if (enabled) {
            addShutdownWait();
            request();
        }
    }

    /**
     * Delivers now and waits at most {@code millis} for the pass to finish (the program is about to
     * end). Returns true if it finished in time.
     */
    public boolean deliverAndWait(long millis) {
        if (!enabled) {
            return true;
        }
        long target = request();
        boolean done = awaitPass(target, millis);
        exitWaitDone = true;
        if (!done) {
            Diagnostics.warn("delivery is taking longer than " + millis / 1000 + " s; the report stays in "
                    + outbox.directory() + " and is sent on the next start");
        }
        return done;
    }

    /** Asks for a pass; returns the number of the pass that will include everything written so far. */
    private long request() {
        synchronized (lock) {
            requested = true;
            failuresInARow = 0;
            startThread();
            lock.notifyAll();
            return started + 1;
        }
    }

    /** Starts the sender thread if there is none yet; one that could not start is tried again next time. */
    private void startThread() {
        if (thread == null) {
            try {
                Runnable sender = new Runnable() {
                    @Override
                    public void run() {
                        loop();
                    }
                };
                Thread t = threads == null ? new Thread(sender) : threads.newThread(sender);
                t.setName("mayday-sender");
                t.setDaemon(true);
                t.start();
                thread = t;
            } catch (Throwable e) { // OutOfMemoryError "unable to create native thread", a thread limit
                Diagnostics.debug("could not start the sender thread (" + e + "); tried again at the next report");
            }
        }
    }

    private boolean awaitPass(long pass, long millis) {
        long deadline = System.currentTimeMillis() + millis;
        synchronized (lock) {
            while (completed < pass) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    return false;
                }
                try {
                    lock.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    private void addShutdownWait() {
        synchronized (lock) {
            if (hookAdded) {
                return;
            }
            hookAdded = true;
        }
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(new Runnable() {
                @Override
                public void run() {
                    if (!exitWaitDone) {
                        long pass;
                        synchronized (lock) {
                            // A pass asked for, or one that found the outbox busy and runs again soon.
                            pass = requested || busyInARow > 0 ? started + 1 : started;
                        }
                        awaitPass(pass, EXIT_WAIT_MILLIS);
                    }
                }
            }, "mayday-shutdown"));
        } catch (IllegalStateException shuttingDown) {
            // too late to wait; what is not delivered goes on the next start
        }
    }

    private void loop() {
        while (true) {
            long pass;
            synchronized (lock) {
                try {
                    while (!requested && (retryAt == 0 || System.currentTimeMillis() < retryAt)) {
                        lock.wait(retryAt == 0 ? 0 : Math.max(1, retryAt - System.currentTimeMillis()));
                    }
                } catch (InterruptedException e) {
                    continue; // a daemon: serve until the JVM ends
                }
                requested = false;
                retryAt = 0;
                pass = ++started;
            }
            PassEnd end = PassEnd.FAILED;
            try {
                end = runPass();
            } catch (Throwable e) {
                say("delivery failed: " + e + "; the reports stay in " + outbox.directory());
            } finally {
                synchronized (lock) {
                    if (end == PassEnd.BUSY) {
                        // Another process holds the outbox: this pass did not happen. Whoever waits
                        // for it goes on waiting, and it runs again when the outbox is free.
                        started = pass - 1;
                        busyInARow++;
                        retryAt = System.currentTimeMillis() + Math.min(BUSY_RETRY_MAX_MILLIS,
                                BUSY_RETRY_MILLIS << Math.min(busyInARow - 1, 5));
                    } else {
                        busyInARow = 0;
                        completed = pass;
                        if (end == PassEnd.FAILED && !requested) {
                            failuresInARow++;
                            long delay = Backoff.delayAfter(failuresInARow);
                            retryAt = delay < 0 ? 0 : System.currentTimeMillis() + delay;
                        } else if (end == PassEnd.DONE) {
                            failuresInARow = 0;
                        }
                    }
                    lock.notifyAll();
                }
            }
        }
    }

    /** How a pass ended. */
    private enum PassEnd { DONE, FAILED, BUSY }

    /** One pass: DONE, FAILED when something should be retried later, BUSY when another process holds the outbox. */
    private PassEnd runPass() throws java.io.IOException {
        if (appName == null) {
            appName = AppInfo.nameOf(options); // reads the command line, perhaps the main jar's manifest
        }
        DeliveryPass.Result result = new DeliveryPass(outbox, destinations, token, appName).run(clearance);
        if (result == null) {
            Diagnostics.debug("another process is delivering from " + outbox.directory() + "; trying again shortly");
            return PassEnd.BUSY;
        }
        if (result.sent() > 0) {
            Diagnostics.debug("delivered " + result.sent() + " report(s) to "
                    + Destinations.describe(destinations));
        }
        for (Map.Entry<String, String> r : result.rejected().entrySet()) {
            Diagnostics.warn("report " + r.getKey() + " was refused (" + r.getValue() + "); moved to "
                    + outbox.directory().resolve("rejected"));
        }
        if (result.problem() != null) {
            say(result.problem());
        }
        for (Map.Entry<String, String> f : result.failedReports().entrySet()) {
            say("report " + f.getKey() + " could not be delivered (" + f.getValue() + "); it stays in "
                    + outbox.directory() + " and is sent again later");
        }
        for (Map.Entry<String, String> d : result.down().entrySet()) {
            say("cannot deliver to " + d.getKey() + ": " + d.getValue() + "; " + result.kept()
                    + " report(s) kept in " + outbox.directory()
                    + ", sent again later (or now with: java -jar mayday-agent.jar send)");
        }
        if (!result.retryLater()) {
            if (result.sent() > 0) {
                said.clear(); // delivery works again: a later trouble is news
            }
            return PassEnd.DONE;
        }
        return PassEnd.FAILED;
    }

    /**
     * One line per cause, not per pass: 300 crashes against a broken collector say that it is
     * broken once (and again only after deliveries worked meanwhile, or with {@code debug=true}).
     * Counts and paths in a line do not make it new; its words do.
     */
    private void say(String line) {
        String cause = line.replaceAll("[0-9]+", "#");
        if (said.add(cause) || Diagnostics.debugging()) {
            Diagnostics.warn(line);
        }
        if (said.size() > 100) {
            said.clear(); // bounded; at worst a cause is said twice
        }
    }
}
