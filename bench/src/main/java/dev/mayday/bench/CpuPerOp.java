package dev.mayday.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The logging calls of {@code JulLoggingBenchmark}, {@code LogbackLoggingBenchmark} and
 * {@code Log4j2LoggingBenchmark} (do-nothing appenders), timed by the calling thread's CPU time
 * rather than the wall clock: on a machine shared with other work, a thread's CPU time per call
 * stays meaningful where JMH's wall-clock figures measure the scheduler. Best of 8 rounds of
 * 2,000,000 calls after 4 warm-up rounds. Run it with and without {@code -javaagent}.
 */
public final class CpuPerOp {
    interface Op { void run(); }
    public static void main(String[] a) throws Exception {
        Op op;
        switch (a[0]) {
            case "jul": {
                java.util.logging.Logger l = java.util.logging.Logger.getLogger("x"); l.setUseParentHandlers(false);
                l.addHandler(new java.util.logging.Handler(){ public void publish(java.util.logging.LogRecord r){} public void flush(){} public void close(){} });
                op = () -> l.info("request handled"); break; }
            case "logback": {
                ch.qos.logback.classic.LoggerContext c = new ch.qos.logback.classic.LoggerContext();
                ch.qos.logback.core.AppenderBase<ch.qos.logback.classic.spi.ILoggingEvent> ap = new ch.qos.logback.core.AppenderBase<>() { protected void append(ch.qos.logback.classic.spi.ILoggingEvent e) {} };
                ap.setContext(c); ap.start();
                ch.qos.logback.classic.Logger l = c.getLogger("x"); l.setAdditive(false); l.setLevel(ch.qos.logback.classic.Level.INFO); l.addAppender(ap); c.start();
                Integer r = 4242;
                op = () -> l.info("request {} handled", r); break; }
            default: {
                var b = org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilderFactory.newConfigurationBuilder();
                b.setStatusLevel(org.apache.logging.log4j.Level.ERROR);
                b.add(b.newAppender("null", "Null"));
                b.add(b.newRootLogger(org.apache.logging.log4j.Level.INFO).add(b.newAppenderRef("null")));
                var ctx = org.apache.logging.log4j.core.config.Configurator.initialize(b.build());
                var l = ctx.getLogger("x"); Integer r = 4242;
                op = () -> l.info("request {} handled", r); }
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 12; round++) {
            long t = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < 2_000_000; i++) op.run();
            double ns = (mx.getCurrentThreadCpuTime() - t) / 2_000_000.0;
            if (round >= 4) best = Math.min(best, ns);
        }
        System.out.printf("%s best-of-8 CPU ns/op %.1f%n", a[0], best);
    }
}
