package dev.mayday.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Start-up budget: runs {@link Hello} as a child JVM with and without the agent (default options,
 * a temporary outbox) and compares median wall time and median peak RSS.
 *
 * <p>Usage: {@code StartupComparison [runs] [--java PATH] [--agent PATH] [--options K=V,...]
 * [--waiting N]}. {@code --options} adds agent options; {@code --waiting N} puts N reports in the
 * outbox first (with {@code send=} to a closed port they stay waiting, so every run starts with
 * leftovers to deliver: the background delivery at start-up). Runs alternate (with,
 * without, with, ...) so that drift in machine load hits both sides alike; one warm-up pair runs
 * first, is printed, and is left out of the medians (it pays for cold page cache). With
 * {@code --empty-agent} a third side runs {@link EmptyAgent}, to show what any agent costs.
 */
public final class StartupComparison {

    /** SPEC budgets: start-up with the agent may cost this much more than without. */
    static final double WALL_BUDGET_MS = 100;
    static final double RSS_BUDGET_MIB = 16;

    private StartupComparison() {
    }

    public static void main(String[] args) throws Exception {
        int runs = 10;
        String java = Paths.javaOfThisJvm();
        String agent = System.getProperty("mayday.agent.jar", "agent/target/mayday-agent.jar");
        boolean emptyAgent = false;
        String extraOptions = "";
        int waiting = 0;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--options")) {
                extraOptions = "," + args[++i];
            } else if (args[i].equals("--waiting")) {
                waiting = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--java")) {
                java = args[++i];
            } else if (args[i].equals("--agent")) {
                agent = args[++i];
            } else if (args[i].equals("--empty-agent")) {
                emptyAgent = true;
            } else {
                runs = Integer.parseInt(args[i]);
            }
        }
        if (!new File(agent).isFile()) {
            System.err.println("agent jar not found: " + agent + " (build it, or pass --agent PATH)");
            System.exit(2);
        }
        String classPath = Paths.classPathOf(Hello.class);
        Path outbox = Files.createTempDirectory("mayday-startup-outbox");
        List<String> plain = List.of(java, "-cp", classPath, Hello.class.getName());
        for (int i = 0; i < waiting; i++) {
            String id = "00000000-0000-0000-0000-" + String.format(Locale.ROOT, "%012d", i);
            Files.writeString(outbox.resolve("20260101-000000-" + id + ".json"), "{\"schema\":\"mayday/1\",\"id\":\"" + id
                    + "\",\"kind\":\"uncaught\",\"signature\":\"bench\",\"title\":\"bench\",\"user\":{\"consent\":\"always\"}}");
        }
        List<String> withAgent = List.of(java, "-javaagent:" + agent + "=outbox=" + outbox + extraOptions,
                "-cp", classPath, Hello.class.getName());
        List<String> withEmpty = List.of(java, "-javaagent:" + classPath, "-cp", classPath, Hello.class.getName());

        System.out.println("java:  " + java + " (" + javaVersion(java) + ")");
        System.out.println("agent: " + agent + ", options: outbox=" + outbox + extraOptions
                + (waiting > 0 ? ", " + waiting + " report(s) waiting in the outbox" : ""));
        System.out.println("runs:  " + runs + " each side, alternated, after one discarded warm-up pair");
        Run warmA = run(withAgent);
        Run warmP = run(plain);
        System.out.printf(Locale.ROOT, "warm-up (discarded): with %.1f ms %.1f MiB, without %.1f ms %.1f MiB%n",
                warmA.wallMs, warmA.rssMib, warmP.wallMs, warmP.rssMib);

        double[] wallWith = new double[runs];
        double[] wallWithout = new double[runs];
        double[] rssWith = new double[runs];
        double[] rssWithout = new double[runs];
        double[] cpuWith = new double[runs];
        double[] cpuWithout = new double[runs];
        double[] wallEmpty = new double[runs];
        double[] rssEmpty = new double[runs];
        for (int i = 0; i < runs; i++) {
            // Alternate which side goes first, so neither always follows the other.
            Run a;
            Run p;
            if (i % 2 == 0) {
                a = run(withAgent);
                p = run(plain);
            } else {
                p = run(plain);
                a = run(withAgent);
            }
            cpuWith[i] = a.cpuMs;
            cpuWithout[i] = p.cpuMs;
            wallWith[i] = a.wallMs;
            rssWith[i] = a.rssMib;
            wallWithout[i] = p.wallMs;
            rssWithout[i] = p.rssMib;
            if (emptyAgent) {
                Run e = run(withEmpty);
                wallEmpty[i] = e.wallMs;
                rssEmpty[i] = e.rssMib;
            }
        }
        System.out.println("wall ms with:    " + list(wallWith));
        System.out.println("wall ms without: " + list(wallWithout));
        System.out.println("cpu ms with:     " + list(cpuWith));
        System.out.println("cpu ms without:  " + list(cpuWithout));
        System.out.println("peak MiB with:    " + list(rssWith));
        System.out.println("peak MiB without: " + list(rssWithout));

        double dWall = median(wallWith) - median(wallWithout);
        double dRss = median(rssWith) - median(rssWithout);
        System.out.printf(Locale.ROOT, "median wall: with %.1f ms, without %.1f ms, difference %+.1f ms (budget +%.0f ms): %s%n",
                median(wallWith), median(wallWithout), dWall, WALL_BUDGET_MS, dWall <= WALL_BUDGET_MS ? "PASS" : "FAIL");
        System.out.printf(Locale.ROOT, "median peak RSS: with %.1f MiB, without %.1f MiB, difference %+.1f MiB (budget +%.0f MiB): %s%n",
                median(rssWith), median(rssWithout), dRss, RSS_BUDGET_MIB, dRss <= RSS_BUDGET_MIB ? "PASS" : "FAIL");
        System.out.printf(Locale.ROOT, "median CPU (all threads, 10 ms ticks; steadier than wall on a loaded machine):"
                + " with %.0f ms, without %.0f ms, difference %+.0f ms%n", median(cpuWith), median(cpuWithout),
                median(cpuWith) - median(cpuWithout));
        if (emptyAgent) {
            System.out.println("wall ms empty agent:  " + list(wallEmpty));
            System.out.printf(Locale.ROOT, "for scale, an empty agent: median wall %.1f ms (%+.1f ms), peak RSS %.1f MiB (%+.1f MiB)%n",
                    median(wallEmpty), median(wallEmpty) - median(wallWithout),
                    median(rssEmpty), median(rssEmpty) - median(rssWithout));
        }
        // The fastest run of each side is least disturbed by other load: a second opinion.
        System.out.printf(Locale.ROOT, "fastest wall: with %.1f ms, without %.1f ms, difference %+.1f ms%n",
                min(wallWith), min(wallWithout), min(wallWith) - min(wallWithout));
        long reports;
        try (var files = Files.list(outbox)) {
            reports = files.filter(f -> f.toString().endsWith(".json")).count();
        }
        if (reports != waiting) {
            System.out.println("note: the outbox holds " + reports + " reports after hello-world runs");
        }
    }

    /** One child run: wall time from just before start to just after exit, and its VmHWM. */
    static Run run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        long start = System.nanoTime();
        Process process = pb.start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                lines.add(line);
            }
        }
        int exit = process.waitFor();
        long end = System.nanoTime();
        long rssKb = -1;
        long cpuTicks = -1;
        for (String line : lines) {
            if (line.startsWith("VmHWM ")) {
                rssKb = Long.parseLong(line.substring(6).trim());
            } else if (line.startsWith("CPU ")) {
                cpuTicks = Long.parseLong(line.substring(4).trim());
            }
        }
        if (exit != 0 || rssKb < 0 || !lines.contains("hello")) {
            throw new IllegalStateException("child failed (exit " + exit + "): " + String.join("\n", lines));
        }
        return new Run((end - start) / 1e6, rssKb / 1024.0, cpuTicks * 10.0);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static double min(double[] values) {
        double m = Double.POSITIVE_INFINITY;
        for (double v : values) {
            m = Math.min(m, v);
        }
        return m;
    }

    private static String list(double[] values) {
        StringBuilder sb = new StringBuilder();
        for (double v : values) {
            sb.append(String.format(Locale.ROOT, "%.1f ", v));
        }
        return sb.toString().trim();
    }

    private static String javaVersion(String java) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(java, "-version").redirectErrorStream(true).start();
        String first;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            first = in.readLine();
        }
        p.waitFor();
        return first;
    }

    /** Wall time in ms, peak RSS in MiB and CPU time in ms (at 100 ticks a second) of one child run. */
    record Run(double wallMs, double rssMib, double cpuMs) {
    }
}
