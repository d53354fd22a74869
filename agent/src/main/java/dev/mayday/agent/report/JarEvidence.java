package dev.mayday.agent.report;

import java.io.File;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The Maven groups a jar says it was built from ({@code META-INF/maven/GROUP/ARTIFACT/pom.properties}),
 * read from the jar's table of contents once per jar, on Mayday's thread when a report first needs
 * it: never at start-up. Only entry names are read, not the files.
 */
final class JarEvidence {

    private static final int MAX_JARS = 2048;
    private static final String PREFIX = "META-INF/maven/";

    private final Map<String, Set<String>> groupsByJar = new ConcurrentHashMap<String, Set<String>>();

    /** The groups named in the jar at {@code path} (empty when none or unreadable). */
    Set<String> mavenGroups(String path) {
        Set<String> groups = groupsByJar.get(path);
        if (groups == null) {
            groups = read(path);
            if (groupsByJar.size() < MAX_JARS) {
                groupsByJar.put(path, groups);
            }
        }
        return groups;
    }

    static Set<String> read(String path) {
        File file = new File(path);
        if (!file.isFile()) {
            return Collections.emptySet();
        }
        Set<String> groups = CentralDirectory.mavenGroups(file, PREFIX);
        return groups != null ? groups : readEntries(file);
    }

    /** Through {@code JarFile}: for what {@link CentralDirectory} does not read (ZIP64, odd archives). */
    static Set<String> readEntries(File file) {
        Set<String> groups = new LinkedHashSet<String>(2);
        try (JarFile jar = new JarFile(file, false)) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                if (name.startsWith(PREFIX) && name.endsWith("/pom.properties")) {
                    String rest = name.substring(PREFIX.length());
                    int slash = rest.indexOf('/');
                    if (slash > 0) {
                        groups.add(rest.substring(0, slash));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return Collections.emptySet();
        }
        return groups.isEmpty() ? Collections.<String>emptySet() : Collections.unmodifiableSet(groups);
    }
}
