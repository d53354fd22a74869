package dev.mayday.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The whole-run budget of the SPEC: a program that never fails ({@link WholeRun}: 8 s, logs a
 * little, idles) with and without the agent, compared by peak RSS and CPU time (user + system)
 * over the process's whole life, exit included, as {@code /usr/bin/time} measures them.
 *
 * <p>Usage: {@code WholeRunComparison [runs] [--seconds S] [--java PATH] [--agent PATH]
 * [--options K=V,...]}. Runs alternate (with, without, ...); the medians are compared with the
 * budget: at most +16 MiB peak RSS and +250 ms CPU.
 */
public final class WholeRunComparison {

    static final double RSS_BUDGET_MIB = 16;
    static final double CPU_BUDGET_MS = 250;

    private WholeRunComparison() {
    }

    public static void main(String[] args) throws Exception {
        int runs = 5;
        int seconds = 8;
        String java = Paths.javaOfThisJvm();
        String agent = System.getProperty("mayday.agent.jar", "agent/target/mayday-agent.jar");
        String extraOptions = "";
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--seconds")) {
                seconds = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--java")) {
                java = args[++i];
            } else if (args[i].equals("--agent")) {
                agent = args[++i];
            } else if (args[i].equals("--options")) {
                extraOptions = "," + args[++i];
            } else {
                runs = Integer.parseInt(args[i]);
            }
        }
        if (!new File(agent).isFile() || !new File("/usr/bin/time").canExecute()) {
            System.err.println("needs the agent jar (" + agent + ") and /usr/bin/time");
            System.exit(2);
        }
        String classPath = Paths.classPathOf(WholeRun.class);
        Path outbox = Files.createTempDirectory("mayday-wholerun-outbox");
        List<String> plain = List.of(java, "-cp", classPath, WholeRun.class.getName(), String.valueOf(seconds));
        List<String> withAgent = List.of(java, "-javaagent:" + agent + "=outbox=" + outbox + extraOptions, "-cp",
                classPath, WholeRun.class.getName(), String.valueOf(seconds));
        System.out.println("java:  " + java + ", agent " + agent + ", options outbox=" + outbox + extraOptions);
        System.out.println("runs:  " + runs + " each side, alternated, " + seconds + " s each");
        double[] cpuWith = new double[runs];
        double[] cpuWithout = new double[runs];
        double[] rssWith = new double[runs];
        double[] rssWithout = new double[runs];
        for (int i = 0; i < runs; i++) {
            double[] a;
            double[] p;
            if (i % 2 == 0) {
                a = run(withAgent);
                p = run(plain);
            } else {
                p = run(plain);
                a = run(withAgent);
            }
            cpuWith[i] = a[0];
            rssWith[i] = a[1];
            cpuWithout[i] = p[0];
            rssWithout[i] = p[1];
        }
        System.out.println("CPU ms with:      " + list(cpuWith));
        System.out.println("CPU ms without:   " + list(cpuWithout));
        System.out.println("peak MiB with:    " + list(rssWith));
        System.out.println("peak MiB without: " + list(rssWithout));
        double dCpu = StartupComparison.median(cpuWith) - StartupComparison.median(cpuWithout);
        double dRss = StartupComparison.median(rssWith) - StartupComparison.median(rssWithout);
        System.out.printf(Locale.ROOT, "median CPU: with %.0f ms, without %.0f ms, difference %+.0f ms (budget +%.0f ms): %s%n",
                StartupComparison.median(cpuWith), StartupComparison.median(cpuWithout), dCpu, CPU_BUDGET_MS,
                dCpu <= CPU_BUDGET_MS ? "PASS" : "FAIL");
        System.out.printf(Locale.ROOT, "median peak RSS: with %.1f MiB, without %.1f MiB, difference %+.1f MiB (budget +%.0f MiB): %s%n",
                StartupComparison.median(rssWith), StartupComparison.median(rssWithout), dRss, RSS_BUDGET_MIB,
                dRss <= RSS_BUDGET_MIB ? "PASS" : "FAIL");
    }

    /** One child under /usr/bin/time: {CPU ms (user + system), peak RSS MiB}. */
    static double[] run(List<String> command) throws IOException, InterruptedException {
        Path times = Files.createTempFile("mayday-wholerun", ".time");
        List<String> timed = new ArrayList<>(List.of("/usr/bin/time", "-o", times.toString(), "-f", "%U %S %M"));
        timed.addAll(command);
        Process process = new ProcessBuilder(timed).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        int exit = process.waitFor();
        String[] f = Files.readString(times, StandardCharsets.US_ASCII).trim().split("\\s+");
        Files.delete(times);
        if (exit != 0 || f.length < 3) {
            throw new IllegalStateException("child failed (exit " + exit + "): " + String.join(" ", f));
        }
        double cpuMs = (Double.parseDouble(f[f.length - 3]) + Double.parseDouble(f[f.length - 2])) * 1000;
        double rssMib = Long.parseLong(f[f.length - 1]) / 1024.0;
        return new double[] {cpuMs, rssMib};
    }

    private static String list(double[] values) {
        StringBuilder sb = new StringBuilder();
        for (double v : values) {
            sb.append(String.format(Locale.ROOT, "%.0f ", v));
        }
        return sb.toString().trim();
    }
}
