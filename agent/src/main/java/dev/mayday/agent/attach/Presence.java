package dev.mayday.agent.attach;

import dev.mayday.agent.options.Options;

/**
 * The one sign that Mayday runs in a JVM: the system property {@value #PROPERTY}, claimed
 * atomically by the first copy that starts (a {@code -javaagent} copy from
 * {@code JAVA_TOOL_OPTIONS}, a second one on the command line, a dynamic attach), so every later
 * copy changes nothing. The attaching side reads it through the attach API's
 * {@code getSystemProperties}, which is also how {@code list} tells which JVMs have Mayday.
 * Outside the {@code mayday.} option namespace on purpose: the options loader refuses unknown
 * {@code -Dmayday.*} keys. The launcher checks the same name before it builds anything.
 */
public final class Presence {

    public static final String PROPERTY = "dev.mayday.agent";
    private static final String STARTING = "starting";

    private Presence() {
    }

    /** True when this copy is the first: it now owns the property until {@link #started} or {@link #release}. */
    public static boolean claim() {
        return System.getProperties().putIfAbsent(PROPERTY, STARTING) == null;
    }

    /** What the first copy left, for the line a later copy prints; null when there is none. */
    public static String current() {
        return System.getProperty(PROPERTY);
    }

    public static void started(Options options, String via) {
        System.setProperty(PROPERTY, value(options.digest(), via));
    }

    public static void release() {
        System.getProperties().remove(PROPERTY);
    }

    static String value(String digest, String via) {
        return "options=" + digest + " via=" + via;
    }

    /** The options digest in a property value, or null. */
    public static String digestOf(String value) {
        return field(value, "options=");
    }

    /** How Mayday came into the JVM ({@code javaagent}, {@code attach}), or null. */
    public static String viaOf(String value) {
        return field(value, "via=");
    }

    private static String field(String value, String name) {
        if (value == null) {
            return null;
        }
        for (String part : value.split(" ")) {
            if (part.startsWith(name)) {
                return part.substring(name.length());
            }
        }
        return null;
    }

    /** The line a copy that arrives second prints (or the attaching side, which reads the property). */
    public static String alreadyLine(String value) {
        String digest = digestOf(value);
        return "Mayday is already running in this JVM" + (digest == null ? "" : " (options " + digest
                + (viaOf(value) == null ? "" : ", via " + viaOf(value)) + ")")
                + "; this copy changes nothing, the first copy's options stay";
    }
}
