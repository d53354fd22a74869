package dev.mayday.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/** A JDK the agent is tested on: the one running the tests (17) and JDK 25. */
public final class Jdk {

    final String name;
    final Path java;
    final int feature;

    private Jdk(String name, Path java, int feature) {
        this.name = name;
        this.java = java;
        this.feature = feature;
    }

    @Override
    public String toString() {
        return name;
    }

    static Jdk current() {
        return new Jdk("JDK " + Runtime.version().feature(), Paths.get(System.getProperty("java.home"), "bin", "java"),
                Runtime.version().feature());
    }

    /** JDK 25 from {@code jdk25.home}, or null where this machine has none. */
    static Jdk jdk25() {
        Path java = Paths.get(System.getProperty("jdk25.home", "/usr/lib/jvm/temurin-25-jdk-amd64"), "bin", "java");
        return Files.isExecutable(java) ? new Jdk("JDK 25", java, 25) : null;
    }

    /**
     * Both JDKs. A missing JDK 25 fails the run on CI (it must be tested there) and is skipped,
     * loudly, on a developer machine without it.
     */
    static List<Jdk> all() {
        List<Jdk> jdks = new ArrayList<>();
        jdks.add(current());
        Jdk jdk25 = jdk25();
        if (jdk25 != null) {
            jdks.add(jdk25);
        } else if ("true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("JDK 25 is missing at " + System.getProperty("jdk25.home")
                    + "; the agent must be tested on it");
        } else {
            System.err.println("WARNING: JDK 25 not found; agent tests run on JDK 17 only");
        }
        return jdks;
    }
}
