package dev.mayday.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;

/**
 * The hello-world program {@link StartupComparison} starts. After its greeting it prints its own
 * peak resident set size, because only the child can read its own {@code /proc/self/status}
 * before it exits; the parent parses the line {@code VmHWM <kB>}.
 */
public final class Hello {

    private Hello() {
    }

    public static void main(String[] args) {
        System.out.println("hello");
        // Two calls rather than "+": indy string concatenation would add its own start-up cost.
        System.out.print("VmHWM ");
        System.out.println(peakRssKb());
        System.out.print("CPU ");
        System.out.println(cpuTicks());
    }

    /**
     * CPU time this process used so far (all threads: user + system), in clock ticks (usually
     * 1/100 s) from /proc/self/stat, or -1 elsewhere. On a loaded machine it moves far less than
     * wall time does.
     */
    static long cpuTicks() {
        try {
            String stat = new String(Files.readAllBytes(Paths.get("/proc/self/stat")), StandardCharsets.US_ASCII);
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14, 15)
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Peak RSS in kB from /proc/self/status, or -1 where that file does not exist. */
    static long peakRssKb() {
        try {
            for (String line : Files.readAllLines(Paths.get("/proc/self/status"), StandardCharsets.US_ASCII)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.substring(6).replace("kB", "").trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or an unexpected format: say "unknown" rather than fail the run.
        }
        return -1;
    }
}
