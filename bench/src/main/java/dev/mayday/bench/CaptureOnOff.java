package dev.mayday.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.util.concurrent.CyclicBarrier;

/**
 * What log capture adds to each record, measured inside one JVM under the agent: the same
 * logging calls as {@link CpuPerOp} (each thread its own logger and do-nothing appender), in
 * rounds of 2,000,000 calls that switch the capture on and off in turn. The hooks stay woven: off,
 * java.util.logging's costs one flag read, so its difference is nearly all the hook costs; Logback's
 * and Log4j2's still mark the dispatch for the console-copy rule (a thread-local look-up), so
 * theirs is what keeping the record costs, and {@link CpuPerOp} with and without the agent remains
 * their whole figure. Each round's figure is its threads' mean CPU time per call; after 4
 * warm-up rounds, 10 rounds on and 10 off give the two medians and their difference.
 *
 * <p>Why not two JVMs, one without the agent: on this 2-core machine one JVM's figure for 4
 * threads can be twice another's with the same jar and options (bench/README.md, "Session 7"), so
 * a difference between JVMs mostly measures which JVM ran when. Inside one JVM the rounds on and
 * off share the heap's layout, the compiled code's shape and the machine's moment. Run it only
 * under {@code -javaagent}: {@code CaptureOnOff jul|logback|log4j2 [threads]}.
 */
public final class CaptureOnOff {

    private CaptureOnOff() {
    }

    public static void main(String[] a) throws Exception {
        String kind = a[0];
        int threads = a.length > 1 ? Integer.parseInt(a[1]) : 1;
        int rounds = 24;
        Class<?> jul = Class.forName("dev.mayday.bootstrap.JulCapture");
        if (jul.getClassLoader() != null) {
            throw new IllegalStateException("run under -javaagent: the capture's switches are the agent's own");
        }
        Method julSwitch = jul.getMethod("setEnabled", boolean.class);
        Method frameworkSwitch = Class.forName("dev.mayday.bootstrap.LogCapture")
                .getMethod("setEnabled", boolean.class, boolean.class);
        double[][] ns = new double[rounds][threads];
        int[] started = {0};
        CyclicBarrier together = new CyclicBarrier(threads, () -> {
            boolean on = started[0]++ % 2 == 0;
            try {
                julSwitch.invoke(null, on);
                frameworkSwitch.invoke(null, on, on);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread[] workers = new Thread[threads];
        for (int k = 0; k < threads; k++) {
            final int index = k;
            final CpuPerOp.Op call = CpuPerOp.op(kind, k, true);
            workers[k] = new Thread(() -> {
                ThreadMXBean mx = ManagementFactory.getThreadMXBean();
                try {
                    for (int r = 0; r < rounds; r++) {
                        together.await();
                        long t = mx.getCurrentThreadCpuTime();
                        for (int i = 0; i < 2_000_000; i++) {
                            call.run();
                        }
                        ns[r][index] = (mx.getCurrentThreadCpuTime() - t) / 2_000_000.0;
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "caller-" + k);
            workers[k].start();
        }
        for (Thread w : workers) {
            w.join();
        }
        int measured = (rounds - 4) / 2;
        double[] on = new double[measured];
        double[] off = new double[measured];
        for (int r = 4; r < rounds; r++) {
            double sum = 0;
            for (double x : ns[r]) {
                sum += x;
            }
            (r % 2 == 0 ? on : off)[(r - 4) / 2] = sum / threads;
        }
        double onMedian = StartupComparison.median(on);
        double offMedian = StartupComparison.median(off);
        System.out.printf("%s %d thread(s), CPU ns/op: capture on %.1f, off %.1f, added %.1f%n", kind, threads,
                onMedian, offMedian, onMedian - offMedian);
    }
}
