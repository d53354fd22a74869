package dev.mayday.agent.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.lang.management.LockInfo;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;

/** The {@code threads} of a report: every live platform thread with its stack and locks. */
final class ThreadsJson {

    static final int MAX_FRAMES_PER_THREAD = 128;

    private final ExceptionJson frames;

    ThreadsJson(ExceptionJson frames) {
        this.frames = frames;
    }

    JsonArray toJson(long failingThreadId) {
        ThreadMXBean bean = PlatformBeans.threads();
        boolean monitors = bean.isObjectMonitorUsageSupported();
        boolean synchronizers = bean.isSynchronizerUsageSupported();
        ThreadInfo[] infos;
        long[] ids = liveThreadIds();
        try {
            infos = ids != null ? bean.getThreadInfo(ids, monitors, synchronizers) : null;
        } catch (RuntimeException e) {
            infos = null;
        }
        if (infos == null) {
            infos = bean.dumpAllThreads(monitors, synchronizers);
        }
        JsonArray threads = new JsonArray();
        // The failing thread first: it matters most and survives trimming.
        for (ThreadInfo info : infos) {
            if (info != null && info.getThreadId() == failingThreadId) {
                threads.add(thread(info, true));
            }
        }
        for (ThreadInfo info : infos) {
            if (info == null || info.getThreadId() == failingThreadId || info.getThreadName().startsWith("mayday-")) {
                continue;
            }
            threads.add(thread(info, false));
        }
        return threads;
    }

    /**
     * Every live platform thread's id, from the root thread group. The same threads as
     * {@code dumpAllThreads}, which on JDK 21 and later filters its result through a stream, and
     * whose first use of streams and lambdas cost the first report about 8 ms. Null if the groups
     * cannot be read (a security manager): then {@code dumpAllThreads}.
     */
    static long[] liveThreadIds() {
        try {
            ThreadGroup root = Thread.currentThread().getThreadGroup();
            while (root != null && root.getParent() != null) {
                root = root.getParent();
            }
            if (root == null) {
                return null;
            }
            Thread[] threads = new Thread[root.activeCount() + 32];
            int n = root.enumerate(threads, true);
            while (n == threads.length) {
                threads = new Thread[threads.length * 2];
                n = root.enumerate(threads, true);
            }
            long[] ids = new long[n];
            int kept = 0;
            for (int i = 0; i < n; i++) {
                long id = ReportBuilder.threadId(threads[i]);
                if (id > 0) {
                    ids[kept++] = id;
                }
            }
            return kept == n ? ids : java.util.Arrays.copyOf(ids, kept);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private JsonObject thread(ThreadInfo info, boolean failing) {
        JsonObject t = new JsonObject();
        t.addProperty("name", info.getThreadName());
        t.addProperty("id", info.getThreadId());
        t.addProperty("state", info.getThreadState().name());
        t.addProperty("daemon", info.isDaemon());
        if (failing) {
            t.addProperty("failing", true);
        }
        StackTraceElement[] stack = info.getStackTrace();
        if (failing) {
            stack = withoutMaydaysOwnFrames(stack, t);
        }
        StackTraceElement[] kept = stack.length > MAX_FRAMES_PER_THREAD
                ? java.util.Arrays.copyOf(stack, MAX_FRAMES_PER_THREAD) : stack;
        t.add("frames", frames.frames(kept, t));
        if (stack.length > kept.length) {
            t.addProperty("framesOmitted", stack.length - kept.length);
        }
        MonitorInfo[] monitors = info.getLockedMonitors();
        JsonArray locked = new JsonArray();
        for (MonitorInfo m : monitors) {
            JsonObject lock = lock(m);
            lock.addProperty("frame", m.getLockedStackDepth());
            locked.add(lock);
        }
        for (LockInfo s : info.getLockedSynchronizers()) {
            locked.add(lock(s));
        }
        t.add("lockedMonitors", locked);
        LockInfo waiting = info.getLockInfo();
        if (waiting != null) {
            JsonObject on = lock(waiting);
            if (info.getLockOwnerName() != null) {
                on.addProperty("ownerName", info.getLockOwnerName());
                on.addProperty("ownerId", info.getLockOwnerId());
            }
            t.add("waitingOn", on);
        }
        return t;
    }

    /**
     * The failing thread is waiting inside Mayday for its report while it is dumped: those frames
     * (the wait, the handler, the bridge) say nothing about the program, so its stack starts at
     * the program's own frame.
     */
    static StackTraceElement[] withoutMaydaysOwnFrames(StackTraceElement[] stack, JsonObject thread) {
        int lastMayday = -1;
        for (int i = 0; i < stack.length && i < 64; i++) {
            String name = stack[i].getClassName();
            if (name.startsWith("dev.mayday.agent.") || name.startsWith("dev.mayday.bootstrap.")) {
                lastMayday = i;
            }
        }
        if (lastMayday < 0) {
            return stack;
        }
        thread.addProperty("maydayFramesSkipped", lastMayday + 1);
        return java.util.Arrays.copyOfRange(stack, lastMayday + 1, stack.length);
    }

    private static JsonObject lock(LockInfo l) {
        JsonObject lock = new JsonObject();
        lock.addProperty("class", l.getClassName());
        lock.addProperty("identityHashCode", Integer.toHexString(l.getIdentityHashCode()));
        return lock;
    }
}
