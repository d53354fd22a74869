package dev.mayday.agent.report;

import java.lang.instrument.Instrumentation;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.RuntimeMXBean;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * The JVM's management beans a report reads (threads, memory, runtime, collectors, load), taken
 * from the JDK's own factory of them, {@code sun.management.ManagementFactoryHelper}, which
 * {@link #open} exports to Mayday alone. {@code ManagementFactory} hands out the same beans, but
 * finds each through its registry of platform components (a service loader, two providers, their
 * lambdas): about 25 ms on the first report of a program that never used JMX itself. Where the
 * export is refused, or a later JDK has no such factory, every bean comes from
 * {@code ManagementFactory} as before.
 */
public final class PlatformBeans {

    private static volatile boolean direct;

    private PlatformBeans() {
    }

    /**
     * Lets Mayday's classes call the JDK's factory; without it, everything goes through
     * ManagementFactory.
     *
     * @param inst the agent's instrumentation, or null to use the factory only if the command line
     *     already exports it (tests)
     */
    public static void open(Instrumentation inst) {
        try {
            Module management = ManagementFactory.class.getModule();
            Module maydays = PlatformBeans.class.getModule();
            if (inst != null && !management.isExported("sun.management", maydays) && inst.isModifiableModule(management)) {
                inst.redefineModule(management, Collections.<Module>emptySet(),
                        Collections.singletonMap("sun.management", Collections.singleton(maydays)),
                        Collections.<String, Set<Module>>emptyMap(), Collections.<Class<?>>emptySet(),
                        Collections.<Class<?>, List<Class<?>>>emptyMap());
            }
            direct = management.isExported("sun.management", maydays);
        } catch (Throwable e) {
            direct = false;
        }
    }

    /** True while the beans come from the JDK's factory itself. */
    static boolean direct() {
        return direct;
    }

    public static ThreadMXBean threads() {
        if (direct) {
            try {
                return sun.management.ManagementFactoryHelper.getThreadMXBean();
            } catch (Throwable e) {
                direct = false; // a JDK without it (a LinkageError): the public way from now on
            }
        }
        return ManagementFactory.getThreadMXBean();
    }

    static MemoryMXBean memory() {
        if (direct) {
            try {
                return sun.management.ManagementFactoryHelper.getMemoryMXBean();
            } catch (Throwable e) {
                direct = false;
            }
        }
        return ManagementFactory.getMemoryMXBean();
    }

    static RuntimeMXBean runtime() {
        if (direct) {
            try {
                return sun.management.ManagementFactoryHelper.getRuntimeMXBean();
            } catch (Throwable e) {
                direct = false;
            }
        }
        return ManagementFactory.getRuntimeMXBean();
    }

    /** The load average as the OS bean gives it (negative where there is none). */
    static double systemLoadAverage() {
        if (direct) {
            try {
                // The base bean: the full one (com.sun.management) first reads the container's
                // control groups, about 17 ms, for figures PhysicalMemory reads itself.
                OperatingSystemMXBean os = sun.management.ManagementFactoryHelper.getOperatingSystemMXBean();
                return os.getSystemLoadAverage();
            } catch (Throwable e) {
                direct = false;
            }
        }
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    static List<String> collectorNames() {
        List<? extends GarbageCollectorMXBean> beans = null;
        if (direct) {
            try {
                beans = sun.management.ManagementFactoryHelper.getGarbageCollectorMXBeans();
            } catch (Throwable e) {
                direct = false;
            }
        }
        if (beans == null) {
            beans = ManagementFactory.getGarbageCollectorMXBeans();
        }
        List<String> names = new ArrayList<String>(beans.size());
        for (GarbageCollectorMXBean bean : beans) {
            names.add(bean.getName());
        }
        return names;
    }
}
