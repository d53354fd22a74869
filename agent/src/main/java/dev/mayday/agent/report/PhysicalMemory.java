package dev.mayday.agent.report;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/**
 * The machine's memory as the program sees it, total and free, by the rule of the JDK's own
 * operating-system bean: a control group's memory limit where one applies and is below the
 * machine's memory, and free as that limit less the group's usage; without such a limit, the
 * machine's total and free memory. On Linux it is read from
 * {@code /proc} and {@code /sys/fs/cgroup} (three small files): the bean first parses every control
 * group the process is in (about 17 ms on the first report). Elsewhere, the bean.
 */
final class PhysicalMemory {

    private static final String CGROUP_ROOT = "/sys/fs/cgroup";

    final long total;
    final long free;

    private PhysicalMemory(long total, long free) {
        this.total = total;
        this.free = free;
    }

    static PhysicalMemory read() {
        PhysicalMemory linux = fromProc();
        if (linux != null) {
            return linux;
        }
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean) {
            com.sun.management.OperatingSystemMXBean sun = (com.sun.management.OperatingSystemMXBean) os;
            return new PhysicalMemory(sun.getTotalMemorySize(), sun.getFreeMemorySize());
        }
        return null;
    }

    private static PhysicalMemory fromProc() {
        String meminfo = text("/proc/meminfo");
        if (meminfo == null) {
            return null;
        }
        return of(meminfo, controlGroup());
    }

    /** The figures from {@code /proc/meminfo}'s text and the group's {limit, usage}; null if unreadable. */
    static PhysicalMemory of(String meminfo, long[] group) {
        long hostTotal = kilobytes(meminfo, "MemTotal:");
        long hostFree = kilobytes(meminfo, "MemFree:");
        if (hostTotal <= 0 || hostFree < 0) {
            return null;
        }
        long limit = group[0];
        long usage = group[1];
        // The bean's rule: a group's limit counts only below the machine's memory, and only under
        // such a limit is free the limit less the group's usage (which includes its page cache);
        // without one, free is the machine's own free memory, whatever the group uses.
        boolean limited = limit > 0 && limit < hostTotal;
        long total = limited ? limit : hostTotal;
        long free = limited && usage > 0 ? Math.max(0, limit - usage) : hostFree;
        return new PhysicalMemory(total, free);
    }

    /** {limit, usage} of the memory control group this process is in; -1 for what cannot be read. */
    static long[] controlGroup() {
        String self = text("/proc/self/cgroup");
        if (self == null) {
            return new long[] {-1, -1};
        }
        String v2Path = null;
        String v1Path = null;
        for (String line : self.split("\n")) {
            int first = line.indexOf(':');
            int second = first < 0 ? -1 : line.indexOf(':', first + 1);
            if (second < 0) {
                continue;
            }
            String controllers = line.substring(first + 1, second);
            String path = line.substring(second + 1).trim();
            if (line.startsWith("0::")) {
                v2Path = path;
            } else if (isMemoryController(controllers)) {
                v1Path = path;
            }
        }
        if (v1Path != null) {
            return group(CGROUP_ROOT + "/memory", v1Path, "memory.limit_in_bytes", "memory.usage_in_bytes");
        }
        if (v2Path != null) {
            return group(CGROUP_ROOT, v2Path, "memory.max", "memory.current");
        }
        return new long[] {-1, -1};
    }

    private static boolean isMemoryController(String controllers) {
        for (String c : controllers.split(",")) {
            if (c.equals("memory")) {
                return true;
            }
        }
        return false;
    }

    /**
     * {limit, usage} of the group at {@code path} under {@code hierarchy}, else at the hierarchy's
     * root (a container sees its own group there; a host process, at its path), else {-1, -1}.
     */
    private static long[] group(String hierarchy, String path, String limitFile, String usageFile) {
        long[] read = group(hierarchy + path, limitFile, usageFile);
        if (read == null) {
            read = group(hierarchy, limitFile, usageFile);
        }
        return read != null ? read : new long[] {-1, -1};
    }

    /** Null when the group's directory has neither file. */
    private static long[] group(String directory, String limitFile, String usageFile) {
        String limit = text(directory + "/" + limitFile);
        String usage = text(directory + "/" + usageFile);
        if (limit == null && usage == null) {
            return null;
        }
        return new long[] {number(limit), number(usage)};
    }

    /** A byte count, or -1 for {@code max}, nothing, or what is not a number. */
    private static long number(String text) {
        if (text == null) {
            return -1;
        }
        String t = text.trim();
        if (t.isEmpty() || t.length() > 19) {
            return -1;
        }
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) < '0' || t.charAt(i) > '9') {
                return -1;
            }
        }
        return Long.parseLong(t);
    }

    /** The value of a {@code /proc/meminfo} line in bytes, or -1. */
    private static long kilobytes(String meminfo, String key) {
        int at = meminfo.startsWith(key) ? 0 : meminfo.indexOf("\n" + key);
        if (at < 0) {
            return -1;
        }
        int i = meminfo.indexOf(':', at) + 1;
        while (i < meminfo.length() && meminfo.charAt(i) == ' ') {
            i++;
        }
        long kb = 0;
        int digits = 0;
        while (i < meminfo.length() && meminfo.charAt(i) >= '0' && meminfo.charAt(i) <= '9' && digits < 16) {
            kb = kb * 10 + (meminfo.charAt(i) - '0');
            i++;
            digits++;
        }
        return digits == 0 ? -1 : kb * 1024;
    }

    private static String text(String path) {
        File file = new File(path);
        if (!file.isFile()) {
            return null;
        }
        try {
            return new String(Files.readAllBytes(file.toPath()), StandardCharsets.ISO_8859_1);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
