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
        Object bean = fromFactory(THREADS);
        return bean != null ? (ThreadMXBean) bean : ManagementFactory.getThreadMXBean();
    }

    static MemoryMXBean memory() {
        Object bean = fromFactory(MEMORY);
        return bean != null ? (MemoryMXBean) bean : ManagementFactory.getMemoryMXBean();
    }

    static RuntimeMXBean runtime() {
        Object bean = fromFactory(RUNTIME);
        return bean != null ? (RuntimeMXBean) bean : ManagementFactory.getRuntimeMXBean();
    }

    /** The load average as the OS bean gives it (negative where there is none). */
    static double systemLoadAverage() {
        // From the factory, the base bean: the full one (com.sun.management) first reads the
        // container's control groups, about 17 ms, for figures PhysicalMemory reads itself.
        Object bean = fromFactory(OPERATING_SYSTEM);
        OperatingSystemMXBean os = bean != null ? (OperatingSystemMXBean) bean
                : ManagementFactory.getOperatingSystemMXBean();
        return os.getSystemLoadAverage();
    }

    static List<String> collectorNames() {
        Object beans = fromFactory(COLLECTORS);
        List<?> collectors = beans != null ? (List<?>) beans : ManagementFactory.getGarbageCollectorMXBeans();
        List<String> names = new ArrayList<String>(collectors.size());
        for (Object bean : collectors) {
            names.add(((GarbageCollectorMXBean) bean).getName());
        }
        return names;
    }

    private static final int THREADS = 0;
    private static final int MEMORY = 1;
    private static final int RUNTIME = 2;
    private static final int OPERATING_SYSTEM = 3;
    private static final int COLLECTORS = 4;

    /**
     * The bean (or for {@code COLLECTORS} the list of them) from the JDK's factory, or null to ask
     * ManagementFactory: the factory is not open to Mayday, or this JDK has no such method (a
     * LinkageError), and then it is not asked again. A switch rather than lambdas: the first
     * lambda of a JVM costs its bootstrap, on the first report.
     */
    private static Object fromFactory(int which) {
        if (!direct) {
            return null;
        }
        try {
            switch (which) {
                case THREADS:
                    return sun.management.ManagementFactoryHelper.getThreadMXBean();
                case MEMORY:
                    return sun.management.ManagementFactoryHelper.getMemoryMXBean();
                case RUNTIME:
                    return sun.management.ManagementFactoryHelper.getRuntimeMXBean();
                case OPERATING_SYSTEM:
                    return sun.management.ManagementFactoryHelper.getOperatingSystemMXBean();
                default:
                    return sun.management.ManagementFactoryHelper.getGarbageCollectorMXBeans();
            }
        } catch (Throwable e) {
            direct = false;
            return null;
        }
    }
}
