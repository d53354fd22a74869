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
}
