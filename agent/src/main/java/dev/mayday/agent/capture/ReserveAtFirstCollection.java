package dev.mayday.agent.capture;

import dev.mayday.bootstrap.MemoryReserve;
import java.lang.instrument.Instrumentation;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Sets the memory reserve aside at the program's first garbage collection rather than at its
 * start. The reserve is 2 MiB that the JVM zeroes: in a program that never collects (a tool, a
 * small service, a desktop program waiting for its user) each page of it stays in the process's
 * memory as if the program had used it, a seventh of what Mayday may cost a whole run. A program
 * cannot run out of heap before its first collection (the JVM collects before it throws), so
 * nothing is given up: the heap is in use from the first collection on, and then the reserve is
 * taken.
 *
 * <p>The collection is noticed by the JDK's own cleaner thread ({@code Common-Cleaner}, which
 * every JVM that opened a jar runs): an object nobody holds is registered with it, and the first
 * collection that finds it unreachable runs {@link MemoryReserve#take()} there. No thread of
 * Mayday's waits or wakes for it. Where the JDK's cleaner cannot be reached, the reserve is taken
 * at once, as before.
 */
public final class ReserveAtFirstCollection {

    private ReserveAtFirstCollection() {
    }

    /** Arms the reserve for the first collection (or takes it now where that cannot be done). */
    public static void arm(Instrumentation inst) {
        try {
            Module base = Object.class.getModule();
            Module maydays = ReserveAtFirstCollection.class.getModule();
            if (!base.isExported("jdk.internal.ref", maydays)) {
                inst.redefineModule(base, Collections.<Module>emptySet(),
                        Collections.singletonMap("jdk.internal.ref", Collections.singleton(maydays)),
                        Collections.<String, Set<Module>>emptyMap(), Collections.<Class<?>>emptySet(),
                        Collections.<Class<?>, List<Class<?>>>emptyMap());
            }
            jdk.internal.ref.CleanerFactory.cleaner().register(new Object(), new Runnable() {
                @Override
                public void run() {
                    MemoryReserve.take();
                }
            });
        } catch (Throwable e) {
            MemoryReserve.take(); // an older or stricter JDK: now, as before
        }
    }
}
