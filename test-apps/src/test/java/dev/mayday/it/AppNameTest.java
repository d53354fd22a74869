package dev.mayday.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A Surefire fork runs a manifest-only {@code surefirebooter-<timestamp>.jar}, a new name every
 * build: its reports are named after the project (the working directory's pom.xml), so a later
 * build still delivers what an earlier one left. The {@code app} option always wins.
 */
class AppNameTest {

    @TempDir
    Path home;

    /** A booter jar as Surefire writes it: a manifest with the class path and the main class. */
    private Path booterJar(Path dir) throws Exception {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "demo.WorkerCrash");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH,
                Paths.get(ChildJvm.APP_CLASSES).toAbsolutePath().toUri().toString());
        Path jar = Files.createDirectories(dir.resolve("target/surefire")).resolve("surefirebooter-20261201193000123_3.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.flush();
        }
        return jar;
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void aSurefireForkIsNamedAfterTheProject(Jdk jdk) throws Exception {
        Path project = Files.createDirectories(home.resolve("shop"));
        Files.write(project.resolve("pom.xml"), ("<project><modelVersion>4.0.0</modelVersion><groupId>acme</groupId>"
                + "<artifactId>shop-service</artifactId><version>1</version></project>").getBytes(StandardCharsets.UTF_8));
        ChildJvm.Result run = new ChildJvm(jdk, home).workingDirectory(project).runJar(booterJar(project));

        assertEquals(0, run.exitCode, run.toString());
        assertEquals("shop-service", run.onlyReport().getAsJsonObject("app").get("name").getAsString());
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void withoutAPomItIsSurefireAndTheAppOptionWins(Jdk jdk) throws Exception {
        Path project = Files.createDirectories(home.resolve("nopom"));
        Path jar = booterJar(project);
        ChildJvm.Result run = new ChildJvm(jdk, Files.createDirectories(home.resolve("a"))).workingDirectory(project).runJar(jar);
        assertEquals("surefire", run.onlyReport().getAsJsonObject("app").get("name").getAsString(), run.toString());
        ChildJvm.Result named = new ChildJvm(jdk, Files.createDirectories(home.resolve("b"))).agentArgs("app=billing").workingDirectory(project).runJar(jar);
        assertEquals("billing", named.onlyReport().getAsJsonObject("app").get("name").getAsString(), named.toString());
    }
}
