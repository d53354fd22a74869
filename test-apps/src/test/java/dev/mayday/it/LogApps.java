package dev.mayday.it;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;

/**
 * The log apps ({@code src/test/java/logapps}) and the logging framework they run on: one set of
 * jars under {@code target/log-libs/} per child JVM, never the test class path.
 */
final class LogApps {

    static final Path TEST_CLASSES = Paths.get(System.getProperty("test.apps.test.classes", "target/test-classes"));
    static final Path LIBS = Paths.get(System.getProperty("log.libs", "target/log-libs"));

    private LogApps() {
    }

    /** A child JVM with the log apps and the jars of {@code set} (logback, logback12, log4j2, slf4j-jul). */
    static ChildJvm on(ChildJvm jvm, String set, String... excludedJars) throws IOException {
        jvm.classPath(TEST_CLASSES.toString());
        try (Stream<Path> jars = Files.list(LIBS.resolve(set))) {
            jars.filter(j -> j.toString().endsWith(".jar"))
                    .filter(j -> Stream.of(excludedJars).noneMatch(x -> j.getFileName().toString().startsWith(x)))
                    .sorted().forEach(j -> jvm.classPath(j.toString()));
        }
        return jvm;
    }

    /** How many records of the report's logs have this level and a message containing {@code text}. */
    static int count(JsonArray logs, String level, String text) {
        int n = 0;
        for (JsonElement e : logs) {
            JsonObject log = e.getAsJsonObject();
            if ((level == null || log.get("level").getAsString().equals(level))
                    && log.has("message") && !log.get("message").isJsonNull()
                    && log.get("message").getAsString().contains(text)) {
                n++;
            }
        }
        return n;
    }

    /** How many records of any level mention {@code text}. */
    static int countAnywhere(JsonArray logs, String text) {
        return count(logs, null, text);
    }

    static JsonObject find(JsonArray logs, String level, String text) {
        for (JsonElement e : logs) {
            JsonObject log = e.getAsJsonObject();
            if (log.get("level").getAsString().equals(level) && log.has("message")
                    && log.get("message").getAsString().contains(text)) {
                return log;
            }
        }
        throw new AssertionError("no " + level + " record with '" + text + "' in " + logs);
    }
}
