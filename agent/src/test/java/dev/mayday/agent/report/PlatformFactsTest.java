package dev.mayday.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** What the report reads without the JDK's slower ways says what those ways say. */
class PlatformFactsTest {

    @Test
    void processIdIsTheJvmsOwn() {
        assertEquals(ProcessHandle.current().pid(), ProcessId.current());
    }

    @Test
    void physicalMemoryIsWhatTheOperatingSystemBeanReports() {
        com.sun.management.OperatingSystemMXBean bean =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        PhysicalMemory read = PhysicalMemory.read();
        assertNotNull(read);
        assertEquals(bean.getTotalMemorySize(), read.total, "total");
        long free = bean.getFreeMemorySize();
        // Free memory moves between the two readings: within 2 % of the total.
        assertTrue(Math.abs(free - read.free) < read.total / 50, "free: bean " + free + ", read " + read.free);
    }

    @Test
    void aGroupWithoutALimitLeavesTheMachinesFreeMemory() {
        // Found by CI: a group with no limit that used 1 GB (page cache included) made free read
        // 1 GB higher than the bean, which then reports the machine's own free memory.
        String meminfo = "MemTotal:       24000000 kB\nMemFree:        22000000 kB\nMemAvailable:   23000000 kB\n";
        long gib = 1L << 30;
        PhysicalMemory unlimited = PhysicalMemory.of(meminfo, new long[] {Long.MAX_VALUE / 4096 * 4096, gib});
        assertEquals(24000000L * 1024, unlimited.total);
        assertEquals(22000000L * 1024, unlimited.free);
        PhysicalMemory aboveTheMachine = PhysicalMemory.of(meminfo, new long[] {24000000L * 1024, gib});
        assertEquals(22000000L * 1024, aboveTheMachine.free, "a limit at the machine's size is no limit");
        PhysicalMemory limited = PhysicalMemory.of(meminfo, new long[] {4 * gib, gib});
        assertEquals(4 * gib, limited.total);
        assertEquals(3 * gib, limited.free);
        PhysicalMemory noUsage = PhysicalMemory.of(meminfo, new long[] {4 * gib, -1});
        assertEquals(4 * gib, noUsage.total);
        assertEquals(22000000L * 1024, noUsage.free);
    }

    @Test
    void theBeansWithoutManagementFactoryAreTheSameFigures() {
        PlatformBeans.open(null); // the build's test JVM exports sun.management, as the agent does at run time
        assertTrue(PlatformBeans.direct(), "the JDK's own factory is not used");
        assertEquals(ManagementFactory.getRuntimeMXBean().getStartTime(), PlatformBeans.runtime().getStartTime());
        assertEquals(ManagementFactory.getRuntimeMXBean().getInputArguments(), PlatformBeans.runtime().getInputArguments());
        java.util.List<String> names = new java.util.ArrayList<String>();
        for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            names.add(gc.getName());
        }
        assertEquals(names, PlatformBeans.collectorNames());
        assertTrue(PlatformBeans.threads().dumpAllThreads(true, true).length > 0);
        assertTrue(PlatformBeans.memory().getHeapMemoryUsage().getUsed() > 0);
        assertEquals(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), PlatformBeans.systemLoadAverage(),
                1.0);
        assertTrue(PlatformBeans.direct(), "a bean fell back to ManagementFactory");
    }

    @Test
    void liveThreadIdsAreTheThreadsADumpHas() throws Exception {
        Object lock = new Object();
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(3);
        ThreadGroup nested = new ThreadGroup(new ThreadGroup("outer"), "inner");
        Thread[] waiting = new Thread[3];
        for (int i = 0; i < waiting.length; i++) {
            waiting[i] = new Thread(i == 0 ? nested : Thread.currentThread().getThreadGroup(), () -> {
                synchronized (lock) {
                    started.countDown();
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        // ends
                    }
                }
            }, "waiting-" + i);
            waiting[i].setDaemon(true);
            waiting[i].start();
        }
        started.await();
        java.util.Set<Long> before = dumpedIds();
        java.util.Set<Long> live = new java.util.TreeSet<Long>();
        for (long id : ThreadsJson.liveThreadIds()) {
            live.add(id);
        }
        java.util.Set<Long> after = dumpedIds();
        for (Thread t : waiting) {
            assertTrue(live.contains(t.getId()), t.getName() + " is missing");
            t.interrupt();
        }
        // The same threads as a dump, but for one that started or ended in between.
        java.util.Set<Long> both = new java.util.TreeSet<Long>(before);
        both.retainAll(after);
        java.util.Set<Long> either = new java.util.TreeSet<Long>(before);
        either.addAll(after);
        assertTrue(live.containsAll(both), "live " + live + ", dumped " + both);
        assertTrue(either.containsAll(live), "live " + live + ", dumped " + either);
    }

    private static java.util.Set<Long> dumpedIds() {
        java.util.Set<Long> ids = new java.util.TreeSet<Long>();
        for (java.lang.management.ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(false, false)) {
            ids.add(info.getThreadId());
        }
        return ids;
    }

    @Test
    void theTimeZoneFromTheLinksIsTheJdksOwn() {
        String linked = DefaultTimeZone.fromLinks();
        if (linked != null) { // null: this machine's setup is left to TimeZone itself
            assertEquals(java.util.TimeZone.getDefault().getID(), linked);
        }
        assertEquals(java.util.TimeZone.getDefault().getID(), DefaultTimeZone.id());
    }
}
