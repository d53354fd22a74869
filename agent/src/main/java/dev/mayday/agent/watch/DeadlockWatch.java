package dev.mayday.agent.watch;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.mayday.agent.capture.CrashEvent;
import dev.mayday.agent.capture.FollowUp;
import dev.mayday.agent.capture.Reporter;
import dev.mayday.agent.diag.Diagnostics;
import java.lang.management.LockInfo;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Deadlocks the JVM can find ({@code ThreadMXBean.findDeadlockedThreads}: monitors and
 * java.util.concurrent locks), each cycle reported once: its threads, the lock each waits for and
 * who holds it, and the locks each holds, in the report's {@code deadlock} section; the exception
 * is one {@link Deadlock} per thread of the cycle, chained as causes.
 */
final class DeadlockWatch {

    static final int FRAMES_PER_THREAD = 16;

    private final Reporter reporter;
    private final FollowUp followUp;
    private final Set<String> reported = new HashSet<String>();

    DeadlockWatch(Reporter reporter, FollowUp followUp) {
        this.reporter = reporter;
        this.followUp = followUp;
    }

    void check() {
        ThreadMXBean bean = dev.mayday.agent.report.PlatformBeans.threads();
        long[] ids = bean.isSynchronizerUsageSupported() ? bean.findDeadlockedThreads() : bean.findMonitorDeadlockedThreads();
        if (ids == null || ids.length == 0) {
            return;
        }
        ThreadInfo[] infos = bean.getThreadInfo(ids, bean.isObjectMonitorUsageSupported(), bean.isSynchronizerUsageSupported());
        Map<Long, ThreadInfo> byId = new HashMap<Long, ThreadInfo>();
        for (ThreadInfo info : infos) {
            if (info != null) {
                byId.put(info.getThreadId(), info);
            }
        }
        Set<Long> placed = new HashSet<Long>();
        for (ThreadInfo start : byId.values()) {
            if (placed.contains(start.getThreadId())) {
                continue;
            }
            List<ThreadInfo> cycle = cycleFrom(start, byId);
            for (ThreadInfo t : cycle) {
                placed.add(t.getThreadId());
            }
            if (cycle.isEmpty()) {
                continue;
            }
            long[] key = new long[cycle.size()];
            for (int i = 0; i < key.length; i++) {
                key[i] = cycle.get(i).getThreadId();
            }
            Arrays.sort(key);
            if (reported.add(Arrays.toString(key))) {
                report(cycle);
            }
        }
    }

    /** The cycle reached from {@code start} by following lock owners, from its thread with the smallest name. */
    private static List<ThreadInfo> cycleFrom(ThreadInfo start, Map<Long, ThreadInfo> byId) {
        List<ThreadInfo> path = new ArrayList<ThreadInfo>();
        ThreadInfo t = start;
        while (t != null && !path.contains(t)) {
            path.add(t);
            t = byId.get(t.getLockOwnerId());
        }
        if (t == null) {
            return new ArrayList<ThreadInfo>();
        }
        List<ThreadInfo> cycle = new ArrayList<ThreadInfo>(path.subList(path.indexOf(t), path.size()));
        int first = 0;
        for (int i = 1; i < cycle.size(); i++) {
            if (cycle.get(i).getThreadName().compareTo(cycle.get(first).getThreadName()) < 0) {
                first = i;
            }
        }
        List<ThreadInfo> ordered = new ArrayList<ThreadInfo>(cycle.size());
        for (int i = 0; i < cycle.size(); i++) {
            ordered.add(cycle.get((first + i) % cycle.size()));
        }
        return ordered;
    }

    private void report(List<ThreadInfo> cycle) {
        Deadlock chain = null;
        for (int i = cycle.size() - 1; i >= 0; i--) {
            ThreadInfo t = cycle.get(i);
            chain = new Deadlock("thread \"" + t.getThreadName() + "\" waits for " + lockName(t.getLockInfo())
                    + " held by \"" + t.getLockOwnerName() + "\"", t.getStackTrace(), chain);
        }
        JsonArray threads = new JsonArray();
        for (ThreadInfo t : cycle) {
            JsonObject j = new JsonObject();
            j.addProperty("name", t.getThreadName());
            j.addProperty("id", t.getThreadId());
            j.addProperty("state", t.getThreadState().name());
            j.addProperty("waitingFor", lockName(t.getLockInfo()));
            j.addProperty("heldBy", t.getLockOwnerName());
            j.addProperty("heldById", t.getLockOwnerId());
            JsonArray holds = new JsonArray();
            for (MonitorInfo m : t.getLockedMonitors()) {
                holds.add(lockName(m));
            }
            for (LockInfo l : t.getLockedSynchronizers()) {
                holds.add(lockName(l));
            }
            j.add("holds", holds);
            j.add("frames", StackText.of(t.getStackTrace(), FRAMES_PER_THREAD));
            threads.add(j);
        }
        JsonObject deadlock = new JsonObject();
        deadlock.addProperty("threadCount", cycle.size());
        deadlock.add("threads", threads);
        Thread first = threadById(cycle.get(0).getThreadId());
        CrashEvent event = new CrashEvent(CrashEvent.DEADLOCK, first, chain, "watchdog",
                "ThreadMXBean.findDeadlockedThreads", null, System.currentTimeMillis()).with("deadlock", deadlock);
        Path file = reporter.report(event);
        if (file != null) {
            try {
                followUp.afterReport(file, false, false);
            } catch (Throwable e) {
                Diagnostics.warn("could not ask about or deliver " + file + " (" + e + "); it stays in the outbox");
            }
        }
    }

    static String lockName(LockInfo lock) {
        return lock == null ? "nothing" : lock.getClassName() + "@" + Integer.toHexString(lock.getIdentityHashCode());
    }

    private static Thread threadById(long id) {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getId() == id) {
                return t;
            }
        }
        return null;
    }
}
