package dev.mayday.agent.report;

import java.io.File;

/**
 * This process's id, for reports and report ids. On Linux it is the name {@code /proc/self} links
 * to: {@code ProcessHandle.current()} would initialise the JDK's process reaper (an executor and
 * its lambdas), about 6 ms on the first report of a program that never started a process.
 */
public final class ProcessId {

    private static volatile long pid = -1;

    private ProcessId() {
    }

    public static long current() {
        long known = pid;
        if (known < 0) {
            known = fromProc();
            if (known < 0) {
                known = ProcessHandle.current().pid();
            }
            pid = known;
        }
        return known;
    }

    private static long fromProc() {
        try {
            File self = new File("/proc/self");
            if (!self.isDirectory()) {
                return -1;
            }
            String name = self.getCanonicalFile().getName();
            for (int i = 0; i < name.length(); i++) {
                if (name.charAt(i) < '0' || name.charAt(i) > '9') {
                    return -1;
                }
            }
            return name.isEmpty() || name.length() > 18 ? -1 : Long.parseLong(name);
        } catch (Exception e) {
            return -1;
        }
    }
}
