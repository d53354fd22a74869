package dev.mayday.agent.cli;

import java.util.Properties;

/** What a JVM's own system properties say about whether Mayday can run in it. */
final class TargetVm {

    static final int OLDEST_FEATURE = 17;

    private TargetVm() {
    }

    /** The feature release ({@code 17}, {@code 25}; {@code 8} for {@code 1.8}), or -1. */
    static int feature(Properties p) {
        String spec = p.getProperty("java.specification.version", "");
        try {
            return spec.startsWith("1.") ? Integer.parseInt(spec.substring(2)) : Integer.parseInt(spec);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static String version(Properties p) {
        return p.getProperty("java.version", "?");
    }

    /** Why Mayday cannot run in this JVM, or null. */
    static String refusal(Properties p, long pid) {
        String vmName = p.getProperty("java.vm.name", "");
        if (!hotSpotFamily(vmName)) {
            return "JVM " + pid + " is " + vmName + ", not a HotSpot-family JVM; Mayday supports HotSpot"
                    + " (OpenJDK, Oracle, Temurin, GraalVM) only; nothing was changed";
        }
        int feature = feature(p);
        if (feature < OLDEST_FEATURE) {
            return "JVM " + pid + " runs Java " + version(p) + "; Mayday needs Java " + OLDEST_FEATURE
                    + " or later; nothing was changed";
        }
        return null;
    }

    static boolean hotSpotFamily(String vmName) {
        return vmName.contains("HotSpot") || vmName.contains("OpenJDK") || vmName.contains("GraalVM");
    }
}
