package dev.mayday.bench;

import java.io.File;
import java.net.URISyntaxException;

/** Where the child JVMs come from: the java binary and the class path of this jar. */
final class Paths {

    private Paths() {
    }

    /** The java launcher of the JVM running this code, so children match it by default. */
    static String javaOfThisJvm() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }

    /** The jar or directory {@code type} was loaded from (benchmarks.jar when run as documented). */
    static String classPathOf(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI()).getPath();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
