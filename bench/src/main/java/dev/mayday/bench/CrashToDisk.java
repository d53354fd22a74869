package dev.mayday.bench;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;
import benchapp.Crasher;

/**
 * Crash-to-disk budget: how long from the throw in a wrapped main loop until the failure reaches
 * the caller again, which under {@code onCrash=rethrow} happens only once the report is on disk.
 * Run it under the agent with {@code mainLoop=benchapp.Crasher#crash,onCrash=rethrow,quiet=0}.
 *
 * <p>Usage: {@code CrashToDisk [crashes] [--sleep MS] [--no-params]}. {@code --no-params} logs
 * plain messages instead of {@code {0}}-style ones, to tell formatting cost from the rest. Before the crashes it starts
 * {@value #PARKED_THREADS} parked threads; before each crash it logs {@value #LOG_RECORDS}
 * java.util.logging records, as the SPEC's budget assumes. The first crash is reported on its
 * own (cold: nothing has built a report yet unless {@code --sleep} let the agent's warm-up run).
 */
public final class CrashToDisk {

    static final int PARKED_THREADS = 50;
    static final int LOG_RECORDS = 1000;
    /** SPEC budget for crash to report on disk, in milliseconds. */
    static final double BUDGET_MS = 100;

    private CrashToDisk() {
    }

    public static void main(String[] args) throws Exception {
        long startedMillis = System.currentTimeMillis();
        int crashes = 20;
        long sleepMs = 0;
        boolean withParams = true;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--sleep")) {
                sleepMs = Long.parseLong(args[++i]);
            } else if (args[i].equals("--no-params")) {
                withParams = false;
            } else {
                crashes = Integer.parseInt(args[i]);
            }
        }
        for (int i = 0; i < PARKED_THREADS; i++) {
            Thread t = new Parked(i);
            t.setDaemon(true);
            t.start();
        }
        Logger logger = Logger.getLogger("dev.mayday.bench.crash");
        logger.setUseParentHandlers(false); // no console flood; the agent captures before handlers run
        logger.addHandler(new NullHandler());
        if (sleepMs > 0) {
            Thread.sleep(sleepMs);
        }

        double[] ms = new double[crashes];
        int caught = 0;
        for (int c = 0; c < crashes; c++) {
            for (int r = 0; r < LOG_RECORDS; r++) {
                if (withParams) {
                    logger.log(Level.INFO, "request {0} of crash {1} handled", new Object[] {r, c});
                } else {
                    logger.log(Level.INFO, "request handled");
                }
            }
            try {
                Crasher.crash(c);
            } catch (IllegalStateException expected) {
                long caughtAt = System.nanoTime();
                ms[c] = (caughtAt - Crasher.thrownAt) / 1e6;
                caught++;
            }
        }
        System.out.println("records " + (withParams ? "with {0}-style parameters" : "without parameters"));
        print(ms, caught, sleepMs);
        printOutbox(startedMillis, crashes);
    }

    private static void print(double[] ms, int caught, long sleepMs) {
        System.out.println("java " + System.getProperty("java.version") + ", " + PARKED_THREADS
                + " parked threads, " + LOG_RECORDS + " JUL records before each crash, slept "
                + sleepMs + " ms before the first");
        if (caught != ms.length) {
            System.out.println("FAIL: only " + caught + " of " + ms.length + " crashes came back to main");
        }
        System.out.println("crash to caller, ms: " + list(ms));
        double first = ms[0];
        double[] rest = Arrays.copyOfRange(ms, 1, ms.length);
        Arrays.sort(rest);
        double median = rest.length == 0 ? Double.NaN : StartupComparison.median(rest);
        double max = rest.length == 0 ? Double.NaN : rest[rest.length - 1];
        System.out.printf(Locale.ROOT, "first (%s): %.1f ms: %s%n", sleepMs > 0 ? "after warm-up" : "cold",
                first, first <= BUDGET_MS ? "PASS" : "FAIL");
        System.out.printf(Locale.ROOT, "rest (%d): median %.1f ms, max %.1f ms: %s (budget %.0f ms)%n",
                rest.length, median, max, max <= BUDGET_MS ? "PASS" : "FAIL", BUDGET_MS);
    }

    /** Counts the reports written since start and shows their sizes; checks what the first holds. */
    private static void printOutbox(long startedMillis, int crashes) throws Exception {
        String outbox = outboxOption();
        if (outbox == null) {
            System.out.println("FAIL: not run under the agent with an outbox= option");
            return;
        }
        File[] all = new File(outbox).listFiles((dir, name) -> name.endsWith(".json"));
        List<File> reports = new ArrayList<>();
        for (File f : all == null ? new File[0] : all) {
            if (f.lastModified() >= startedMillis - 1000) {
                reports.add(f);
            }
        }
        reports.sort((a, b) -> Long.compare(a.lastModified(), b.lastModified()));
        long[] sizes = new long[reports.size()];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = reports.get(i).length();
        }
        Arrays.sort(sizes);
        System.out.println("outbox " + outbox + ": " + reports.size() + " reports from this run (expected "
                + crashes + ")" + (reports.size() == crashes ? "" : " MISMATCH"));
        if (!reports.isEmpty()) {
            System.out.printf(Locale.ROOT, "report sizes: min %d B, median %d B, max %d B%n",
                    sizes[0], sizes[sizes.length / 2], sizes[sizes.length - 1]);
            String first = new String(Files.readAllBytes(reports.get(0).toPath()), StandardCharsets.UTF_8);
            System.out.println("first report mentions " + count(first, "bench-parked-") + " parked threads and "
                    + count(first, "handled") + " log records");
        }
    }

    /** The outbox directory from this JVM's -javaagent option. */
    private static String outboxOption() {
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("-javaagent:")) {
                for (String option : arg.substring(arg.indexOf('=') + 1).split(",")) {
                    if (option.startsWith("outbox=")) {
                        return option.substring("outbox=".length());
                    }
                }
            }
        }
        return null;
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    private static String list(double[] values) {
        StringBuilder sb = new StringBuilder();
        for (double v : values) {
            sb.append(String.format(Locale.ROOT, "%.1f ", v));
        }
        return sb.toString().trim();
    }

    /** A live thread that does nothing, so the report has threads to list. */
    private static final class Parked extends Thread {
        Parked(int n) {
            super("bench-parked-" + n);
        }

        @Override
        public void run() {
            while (true) {
                LockSupport.park(this);
            }
        }
    }
}
