package dev.mayday.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Defines the classes that woven JDK code calls ({@code dev.mayday.bootstrap}, stored under
 * {@code boot/} in the jar) in the bootstrap class loader.
 *
 * <p>Why not {@code Instrumentation.appendToBootstrapClassLoaderSearch}: on JDK 17 and later that
 * switches class data sharing off for every class outside the bootstrap loader and prints
 * "Sharing is only supported for boot loader classes because bootstrap classpath has been
 * appended" into the program's output. Defining the few classes directly costs neither.
 */
final class BootstrapInjector {

    static final String PREFIX = "boot/";
    static final String SUFFIX = ".classdata";

    private BootstrapInjector() {
    }

    static void inject(Instrumentation inst, JarFile jar) throws Exception {
        List<JarEntry> entries = new ArrayList<JarEntry>();
        for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
            JarEntry entry = e.nextElement();
            if (entry.getName().startsWith(PREFIX) && entry.getName().endsWith(SUFFIX)) {
                entries.add(entry);
            }
        }
        if (entries.isEmpty()) {
            throw new IllegalStateException("no bootstrap classes in " + jar.getName());
        }
        String first = className(entries.get(0));
        if (alreadyDefined(first)) {
            return; // a second start in the same JVM
        }
        // Let this class (and only this class's module) use the JDK's internal class definer.
        Module javaBase = Object.class.getModule();
        inst.redefineModule(javaBase, Collections.<Module>emptySet(),
                Collections.singletonMap("jdk.internal.misc", Collections.singleton(BootstrapInjector.class.getModule())),
                Collections.<String, Set<Module>>emptyMap(), Collections.<Class<?>>emptySet(),
                Collections.<Class<?>, List<Class<?>>>emptyMap());
        for (JarEntry entry : entries) {
            UnsafeDefiner.defineInBootstrapLoader(className(entry), read(jar, entry));
        }
    }

    private static boolean alreadyDefined(String name) {
        try {
            Class.forName(name, false, null);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static String className(JarEntry entry) {
        String n = entry.getName();
        return n.substring(PREFIX.length(), n.length() - SUFFIX.length()).replace('/', '.');
    }

    private static byte[] read(JarFile jar, JarEntry entry) throws IOException {
        try (InputStream in = jar.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }
}
