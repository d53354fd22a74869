package dev.mayday.agent.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides, frame by frame, whose code it is: the application's, a library's, or nobody's (JDK,
 * reflection, generated code, Mayday: skipped). The evidence is weighed in the order of
 * {@code frame-rules.properties}: the skip list, the {@code inApp} option, the main jar and
 * the main class's package, the library prefix list, the Maven metadata of the frame's jar.
 * Jar evidence is read lazily, once per jar, on Mayday's thread.
 */
public final class InAppFrames {

    /** Whose a frame is. */
    public enum Owner { APPLICATION, LIBRARY, SKIPPED }

    /** Compiled only when a jar without Maven metadata is met (rare), not by every first report. */
    private static final class Versioned {
        static final Pattern JAR = Pattern.compile(".*-\\d+(\\.\\d+)+[^/]*\\.jar$");
    }

    private final FrameRules rules;
    private final String[] inApp;
    private final String mainPackage;
    private final String mainJar;
    private final FrameLocator locator;
    private final JarEvidence jars = new JarEvidence();
    private final MethodPrints prints = new MethodPrints();
    private volatile Set<String> appGroups;

    /**
     * @param inApp the {@code inApp} option's prefixes (empty: decide from the other evidence)
     * @param mainPackage the main class's package with a trailing dot, or null (launchers, unknown)
     * @param mainJar the full path of the jar given to {@code java -jar}, or null
     * @param locator where frames' classes came from, or null (names only)
     */
    public InAppFrames(FrameRules rules, List<String> inApp, String mainPackage, String mainJar, FrameLocator locator) {
        this.rules = rules;
        List<String> prefixes = new ArrayList<String>();
        for (String p : inApp == null ? Collections.<String>emptyList() : inApp) {
            String t = p.trim();
            if (!t.isEmpty()) {
                prefixes.add(t);
            }
        }
        this.inApp = prefixes.toArray(new String[0]);
        this.mainPackage = mainPackage;
        this.mainJar = mainJar;
        this.locator = locator;
    }

    /** Names only: no options, no main class, no jars (tests and the warm-up). */
    public static InAppFrames byName(FrameRules rules) {
        return new InAppFrames(rules, null, null, null, null);
    }

    public FrameRules rules() {
        return rules;
    }

    FrameLocator locator() {
        return locator;
    }

    MethodPrints prints() {
        return prints;
    }

    /** Whose the frame of this class is. */
    public Owner owner(String className) {
        if (rules.generated(className)) {
            return Owner.SKIPPED;
        }
        if (inApp.length > 0) {
            // Given by the program's owner: these prefixes and nothing else are the application.
            if (FrameRules.startsWithAny(className, inApp)) {
                return Owner.APPLICATION;
            }
            return rules.skipped(className) ? Owner.SKIPPED : Owner.LIBRARY;
        }
        if (rules.skipped(className)) {
            return Owner.SKIPPED;
        }
        String location = locator == null ? null : locator.location(className);
        if (mainPackage != null && className.startsWith(mainPackage)) {
            return Owner.APPLICATION;
        }
        if (mainJar != null && mainJar.equals(location)) {
            return Owner.APPLICATION;
        }
        if (rules.knownLibrary(className)) {
            return Owner.LIBRARY;
        }
        if (location != null && location.endsWith(".jar")) {
            Set<String> groups = jars.mavenGroups(location);
            if (!groups.isEmpty()) {
                Set<String> own = appGroups();
                for (String g : groups) {
                    if (own.contains(g)) {
                        return Owner.APPLICATION;
                    }
                }
                return Owner.LIBRARY;
            }
            if (Versioned.JAR.matcher(location).matches()) {
                return Owner.LIBRARY;
            }
        }
        return Owner.APPLICATION;
    }

    /** The Maven groups of the main jar: other jars of the same group are the application too. */
    private Set<String> appGroups() {
        Set<String> groups = appGroups;
        if (groups == null) {
            groups = mainJar == null ? Collections.<String>emptySet() : jars.mavenGroups(mainJar);
            appGroups = groups;
        }
        return groups;
    }

    /** Where the frame's class file is, for {@link MethodPrints}; null if unknown. */
    String location(String className) {
        return locator == null ? null : locator.location(className);
    }
}
