package dev.mayday.agent.cli;

/** Whether this Java runtime has the JDK's attach API; kept apart from {@link AttachApi}, which needs it to load. */
final class AttachModule {

    private AttachModule() {
    }

    /** True when this runtime has the attach API (a JDK; a jlinked JRE may not). */
    static boolean available() {
        return ModuleLayer.boot().findModule("jdk.attach").isPresent();
    }

    static String unavailableLine() {
        return "this Java runtime (" + System.getProperty("java.home") + ") has no jdk.attach module, so it cannot"
                + " attach to a JVM; run the command with a JDK's java (best the same version as the target's)";
    }
}
