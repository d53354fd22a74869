package dev.mayday.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Defines the classes that woven JDK code calls ({@code dev.mayday.bootstrap}, stored under
 * {@code boot/} in the jar) in the bootstrap class loader.
 *
 * <p>Why not {@code Instrumentation.appendToBootstrapClassLoaderSearch}: on JDK 17 and later that
 * switches class data sharing off for every class outside the bootstrap loader and prints
 * "Sharing is only supported for boot loader classes because bootstrap classpath has been
 * appended" into the program's output. Defining the few classes directly costs neither.
 *
 * <p>They are defined in the order of their names, each before the boot loader could find the
 * next: a bootstrap class that extends another bootstrap class defined after it fails to start
 * the agent with NoClassDefFoundError (none does today).
 */
final class BootstrapInjector {

    static final String PREFIX = "boot/";
    static final String SUFFIX = ".classdata";
    static final String LIST = PREFIX + "classes.list";

    private BootstrapInjector() {
    }

    static void inject(Instrumentation inst, ZipFile jar, ClassBytes classBytes) throws Exception {
        List<ZipEntry> entries = listed(jar);
        if (entries == null) {
            entries = new ArrayList<ZipEntry>();
            for (Enumeration<? extends ZipEntry> e = jar.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                if (entry.getName().startsWith(PREFIX) && entry.getName().endsWith(SUFFIX)) {
                    entries.add(entry);
                }
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
        for (ZipEntry entry : entries) {
            byte[] bytes = classBytes.read(jar, entry);
            UnsafeDefiner.defineInBootstrapLoader(className(entry), bytes, ClassBytes.length(entry, bytes));
            classBytes.release(bytes);
        }
    }

    /**
     * The entries {@value #LIST} names (the build writes it), or null without one: looking up 33
     * names is quicker at start-up than walking all 600 entries of the jar.
     */
    private static List<ZipEntry> listed(ZipFile jar) throws IOException {
        ZipEntry list = jar.getEntry(LIST);
        if (list == null) {
            return null;
        }
        List<ZipEntry> entries = new ArrayList<ZipEntry>(40);
        String text;
        try (InputStream in = jar.getInputStream(list)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            String name = text.substring(start, end).trim();
            start = end + 1;
            if (name.isEmpty()) {
                continue;
            }
            ZipEntry entry = jar.getEntry(PREFIX + name);
            if (entry == null) {
                return null; // a list that does not match the jar: walk the entries instead
            }
            entries.add(entry);
        }
        return entries;
    }

    private static boolean alreadyDefined(String name) {
        try {
            Class.forName(name, false, null);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static String className(ZipEntry entry) {
        String n = entry.getName();
        return n.substring(PREFIX.length(), n.length() - SUFFIX.length()).replace('/', '.');
    }

}
