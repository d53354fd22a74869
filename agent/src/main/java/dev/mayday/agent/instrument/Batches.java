package dev.mayday.agent.instrument;

import dev.mayday.agent.diag.Diagnostics;
import java.lang.instrument.Instrumentation;
import java.util.List;

/**
 * Retransforms many loaded classes without stalling the program: the JVM redefines each batch at
 * a safepoint, where every application thread waits. A call costs a part fixed whatever its
 * size (a walk over every loaded class, deoptimisation) and a part per class, so batches should
 * be neither one class nor all of them. Both parts are estimated as the batches go (the fixed
 * part as the cheapest call seen, the rest per class; a call's time counts without the
 * transformer's, which runs before the safepoint while the program goes on), and each batch is
 * sized to take half of {@link #TARGET_NANOS} (or, where the fixed part alone takes that, to add
 * at most a quarter of it; growing at most twofold a step), between {@link #MIN_SIZE} and {@link #MAX_SIZE};
 * between batches the caller rests as long as the last one took, so the program gets at least
 * half the time. A batch the JVM refuses (one class it cannot redefine) is retried class by
 * class, so one odd class costs only itself.
 */
public final class Batches {

    /** The longest a single retransformation call should hold the program. */
    static final long TARGET_NANOS = 100_000_000L;
    static final int FIRST_SIZE = 32;
    private static final int MIN_SIZE = 16;
    private static final int MAX_SIZE = 2_048;

    /** What one run did: classes retransformed, calls, the longest call's JVM part, failures. */
    public static final class Result {
        public final int classes;
        public final int calls;
        public final long longestNanos;
        public final int failed;
        public final int jdkClasses;
        public final int mainLoopClasses;

        Result(int classes, int calls, long longestNanos, int failed, int jdkClasses, int mainLoopClasses) {
            this.classes = classes;
            this.calls = calls;
            this.longestNanos = longestNanos;
            this.failed = failed;
            this.jdkClasses = jdkClasses;
            this.mainLoopClasses = mainLoopClasses;
        }

        /** This run of application classes together with the run of JDK hook classes before it. */
        Result with(Result jdk, int mainLoops) {
            return new Result(classes, calls, Math.max(longestNanos, jdk.longestNanos), failed + jdk.failed,
                    jdk.classes, mainLoops);
        }

        /** One line for the person who attached. */
        public String summary() {
            return "hooked " + jdkClasses + " JDK class(es); main loops wrapped in " + mainLoopClasses
                    + " loaded class(es); " + classes + " application class(es) retransformed in " + calls
                    + " batch(es), the longest " + (longestNanos / 100_000) / 10.0 + " ms (not counting weaving)"
                    + (failed == 0 ? "" : "; " + failed + " could not be retransformed");
        }
    }

    private final Instrumentation inst;
    private final MaydayTransformer transformer;

    Batches(Instrumentation inst, MaydayTransformer transformer) {
        this.inst = inst;
        this.transformer = transformer;
    }

    Result run(List<Class<?>> classes, int firstSize) {
        int size = Math.max(1, firstSize);
        double nanosPerClass = -1;
        long fixed = Long.MAX_VALUE;
        int calls = 0;
        int failed = 0;
        long longest = 0;
        int i = 0;
        while (i < classes.size()) {
            int n = Math.min(size, classes.size() - i);
            List<Class<?>> batch = classes.subList(i, i + n);
            long start = System.nanoTime();
            long weaving = transformer.retransformNanos();
            failed += retransform(batch);
            long call = System.nanoTime() - start;
            // The JVM's part: what the program may have waited for.
            long took = Math.max(0, call - (transformer.retransformNanos() - weaving));
            calls++;
            longest = Math.max(longest, took);
            if (Diagnostics.debugging()) {
                Diagnostics.debug("retransformed " + n + " class(es) in " + call / 1_000_000 + " ms, "
                        + took / 1_000_000 + " ms of it in the JVM");
            }
            i += n;
            fixed = Math.min(fixed, took);
            double perClass = (double) Math.max(0, took - fixed) / n;
            nanosPerClass = nanosPerClass < 0 ? perClass : 0.7 * nanosPerClass + 0.3 * perClass;
            // Where the fixed part alone takes half the budget (a busy machine, a huge class count),
            // more classes per call add little to each pause and spare many pauses.
            double room = Math.max(TARGET_NANOS / 2.0 - fixed, TARGET_NANOS / 4.0);
            size = (int) Math.max(MIN_SIZE, Math.min(MAX_SIZE, room / Math.max(1_000.0, nanosPerClass)));
            size = Math.min(size, 2 * n); // grow step by step: the estimates start rough
            if (i < classes.size()) {
                rest(took);
            }
        }
        return new Result(classes.size(), calls, longest, failed, 0, 0);
    }

    private int retransform(List<Class<?>> batch) {
        try {
            inst.retransformClasses(batch.toArray(new Class<?>[0]));
            return 0;
        } catch (Throwable e) {
            if (batch.size() == 1) {
                Diagnostics.debug("could not retransform " + batch.get(0).getName() + ": " + e);
                return 1;
            }
        }
        int failed = 0;
        for (Class<?> c : batch) {
            failed += retransform(List.<Class<?>>of(c));
        }
        return failed;
    }

    private static void rest(long nanos) {
        try {
            Thread.sleep(Math.max(1, Math.min(100, nanos / 1_000_000)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
