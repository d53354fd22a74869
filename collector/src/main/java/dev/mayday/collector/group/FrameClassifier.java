package dev.mayday.collector.group;

import java.util.regex.Pattern;

/**
 * Tells the application's own frames from library and JDK frames, so the dashboard can set
 * them apart. Rule: JDK by package or module; the application's by the package of its main
 * class (its first two segments); without a main class, frames from a jar whose name carries
 * a version number count as library frames and the rest as the application's.
 */
public final class FrameClassifier {

    public static final String APP = "app";
    public static final String LIBRARY = "library";
    public static final String JDK = "jdk";

    private static final String[] JDK_PREFIXES = {"java.", "javax.", "jdk.", "sun.", "com.sun.", "jakarta.annotation."};
    private static final Pattern VERSIONED_JAR = Pattern.compile(".*-\\d+(\\.\\d+)*.*\\.jar$");

    private final String appPrefix;

    /** @param mainClass the report's {@code app.mainClass}, or null */
    public FrameClassifier(String mainClass) {
        this.appPrefix = prefixOf(mainClass);
    }

    public String classify(String className, String module, String jar) {
        String cls = className == null ? "" : className;
        if (module != null && (module.startsWith("java.") || module.startsWith("jdk."))) {
            return JDK;
        }
        for (String p : JDK_PREFIXES) {
            if (cls.startsWith(p)) {
                return JDK;
            }
        }
        if (cls.startsWith("dev.mayday.")) {
            return LIBRARY;
        }
        if (appPrefix != null) {
            return cls.startsWith(appPrefix) ? APP : LIBRARY;
        }
        return jar != null && VERSIONED_JAR.matcher(jar).matches() ? LIBRARY : APP;
    }

    private static String prefixOf(String mainClass) {
        if (mainClass == null || mainClass.indexOf('.') < 0) {
            return null;
        }
        String[] parts = mainClass.split("\\.");
        int keep = Math.min(2, parts.length - 1);
        return String.join(".", java.util.Arrays.copyOf(parts, keep)) + ".";
    }
}
