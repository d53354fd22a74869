package dev.mayday.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.CyclicBarrier;

/**
 * The logging calls of {@code JulLoggingBenchmark}, {@code LogbackLoggingBenchmark} and
 * {@code Log4j2LoggingBenchmark} (do-nothing appenders), timed by the calling thread's CPU time
 * rather than the wall clock: on a machine shared with other work, a thread's CPU time per call
 * stays meaningful where JMH's wall-clock figures measure the scheduler. Best of 8 rounds of
 * 2,000,000 calls after 4 warm-up rounds. Run it with and without {@code -javaagent}. A second
 * argument runs that many threads at once, each timing its own calls; the figure is their mean.
 * A third argument {@code own} gives each thread its own logger, appender and (Logback, Log4j2)
 * context: the frameworks' own shared state (Logback's synchronized appender, Log4j2's shared
 * configuration) then no longer decides the figure at several threads. {@code ring} and
 * {@code entry} time the log ring alone ({@code LogRing.add(new LogEntry(..))})
 * and the entry's allocation alone, without the agent. Several threads on several cores also
 * measure how the cores pass shared cache lines around (java.util.logging's global sequence
 * number); run under {@code taskset -c 0} to see what the agent adds to each record without that.
 */
public final class CpuPerOp {
    interface Op { void run(); }
    /**
     * Where the {@code entry} case puts what it allocates, so the JIT cannot drop it: one slot per
     * thread, 16 references apart, so that threads do not share a cache line.
     */
    static final Object[] sinks = new Object[64 * 16];
    /**
     * The call {@code kind} names; {@code own} gives it a logger, appender and context of its own
     * (named after {@code index}), so that threads share nothing of the framework.
     */
    @SuppressWarnings("deprecation") // Thread.getId: threadId() is Java 19+
    static Op op(String kind, int index, boolean own) {
        String name = own ? "x" + index : "x";
        Op op;
        switch (kind) {
            case "jul": {
                java.util.logging.Logger l = java.util.logging.Logger.getLogger(name); l.setUseParentHandlers(false);
                l.addHandler(new java.util.logging.Handler(){ public void publish(java.util.logging.LogRecord r){} public void flush(){} public void close(){} });
                op = () -> l.info("request handled"); break; }
            case "ring": {
                // The ring alone (no agent needed): what LogRingBenchmark.add measures, by CPU time.
                dev.mayday.bootstrap.LogRing ring = new dev.mayday.bootstrap.LogRing(1000);
                op = () -> ring.add(sampleEntry());
                break; }
            case "entry": {
                // The entry the ring case keeps, only allocated: the ring's own share is the difference.
                op = () -> sinks[((int) Thread.currentThread().getId() & 63) * 16] = sampleEntry();
                break; }
            case "logback": {
                ch.qos.logback.classic.LoggerContext c = new ch.qos.logback.classic.LoggerContext();
                ch.qos.logback.core.AppenderBase<ch.qos.logback.classic.spi.ILoggingEvent> ap = new ch.qos.logback.core.AppenderBase<>() { protected void append(ch.qos.logback.classic.spi.ILoggingEvent e) {} };
                ap.setContext(c); ap.start();
                ch.qos.logback.classic.Logger l = c.getLogger(name); l.setAdditive(false); l.setLevel(ch.qos.logback.classic.Level.INFO); l.addAppender(ap); c.start();
                Integer r = 4242;
                op = () -> l.info("request {} handled", r); break; }
            default: {
                var b = org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilderFactory.newConfigurationBuilder();
                b.setStatusLevel(org.apache.logging.log4j.Level.ERROR);
                b.add(b.newAppender("null", "Null"));
                b.add(b.newRootLogger(org.apache.logging.log4j.Level.INFO).add(b.newAppenderRef("null")));
                org.apache.logging.log4j.core.LoggerContext ctx;
                if (own) {
                    ctx = new org.apache.logging.log4j.core.LoggerContext("cpu-per-op-" + index);
                    ctx.start(b.build());
                } else {
                    ctx = org.apache.logging.log4j.core.config.Configurator.initialize(b.build());
                }
                var l = ctx.getLogger(name); Integer r = 4242;
                op = () -> l.info("request {} handled", r); }
        }
        return op;
    }

    private static final Object[] SAMPLE_PARAMETERS = {42};

    /** The record of the {@code ring} and {@code entry} cases: a JUL-style one with one number. */
    private static dev.mayday.bootstrap.LogEntry sampleEntry() {
        return new dev.mayday.bootstrap.LogEntry(1_700_000_000_000L, "INFO", "ring", "main", "request {0} handled",
                SAMPLE_PARAMETERS, null);
    }

    public static void main(String[] a) throws Exception {
        int threads = a.length > 1 ? Integer.parseInt(a[1]) : 1;
        double[] best = new double[threads];
        Thread[] workers = new Thread[threads];
        CyclicBarrier together = new CyclicBarrier(threads);
        boolean own = a.length > 2 && a[2].equals("own");
        Op shared = own ? null : op(a[0], 0, false);
        for (int k = 0; k < threads; k++) {
            final int index = k;
            final Op call = own ? op(a[0], k, true) : shared;
            workers[k] = new Thread(() -> best[index] = bestOfRounds(call, together), "caller-" + k);
            workers[k].start();
        }
        double sum = 0;
        for (int k = 0; k < threads; k++) {
            workers[k].join();
            sum += best[k];
        }
        System.out.printf("%s %d thread(s)%s best-of-8 CPU ns/op %.1f%n", a[0], threads, own ? " (own loggers)" : "", sum / threads);
    }

    /** One thread's best round (its own CPU time per call); the threads start each round together. */
    private static double bestOfRounds(Op op, CyclicBarrier together) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double best = Double.MAX_VALUE;
        try {
            for (int round = 0; round < 12; round++) {
                together.await();
                long t = mx.getCurrentThreadCpuTime();
                for (int i = 0; i < 2_000_000; i++) op.run();
                double ns = (mx.getCurrentThreadCpuTime() - t) / 2_000_000.0;
                if (round >= 4) best = Math.min(best, ns);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return best;
    }
}
