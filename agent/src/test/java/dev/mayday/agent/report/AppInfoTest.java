package dev.mayday.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.mayday.agent.options.Options;
import dev.mayday.agent.options.OptionsLoader;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Application names that stay the same from one build to the next, also under launchers. */
class AppInfoTest {

    @TempDir
    Path dir;

    private static Options options(String args) throws Exception {
        return OptionsLoader.load(args, new Properties(), Map.of());
    }

    private static final String SUREFIRE = "/build/shop/target/surefire/surefirebooter-20261201193000123_3.jar"
            + " /build/shop/target/surefire 2026-12-01T19-30-00_123-jvmRun1 surefire-1.tmp surefire_0-2.tmp";

    @Test
    void aSurefireForkIsNamedAfterTheProjectsArtifactIdNotItsBooterJar() throws Exception {
        Files.write(dir.resolve("pom.xml"), ("<project><modelVersion>4.0.0</modelVersion>"
                + "<parent><groupId>acme</groupId><artifactId>acme-parent</artifactId><version>1</version></parent>"
                + "<artifactId>shop-service</artifactId></project>").getBytes(StandardCharsets.UTF_8));
        AppInfo app = AppInfo.of(options(null), SUREFIRE, dir.toFile());
        assertEquals("shop-service", app.name);
        assertNull(app.mainPackage, "the launcher's package is not the application's");
        assertNull(app.mainJar);
    }

    @Test
    void withoutAPomItIsSurefireAndTheAppOptionAlwaysWins() throws Exception {
        assertEquals("surefire", AppInfo.of(options(null), SUREFIRE, dir.toFile()).name);
        assertEquals("billing", AppInfo.of(options("app=billing"), SUREFIRE, dir.toFile()).name);
    }

    @Test
    void aGradleWorkerIsNamedAfterTheProject() throws Exception {
        String command = "worker.org.gradle.process.internal.worker.GradleWorkerMain 'Gradle Test Executor 3'";
        Path project = Files.createDirectories(dir.resolve("inventory"));
        assertEquals("inventory", AppInfo.of(options(null), command, project.toFile()).name);
        Files.write(project.resolve("settings.gradle.kts"), "rootProject.name = \"stock-keeper\"\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("stock-keeper", AppInfo.of(options(null), command, project.toFile()).name);
    }

    @Test
    void theSourceLauncherIsNamedAfterTheSourceFile() throws Exception {
        assertEquals("Shop", AppInfo.of(options(null), "com.sun.tools.javac.launcher.Main Shop.java a b", dir.toFile()).name);
        assertEquals("Shop", AppInfo.of(options(null), "com.sun.tools.javac.launcher.SourceLauncher /x/Shop.java", dir.toFile()).name);
    }

    @Test
    void anOrdinaryMainClassGivesItsNameAndPackage() throws Exception {
        AppInfo app = AppInfo.of(options(null), "acme.shop.Main --port 8080", new File("."));
        assertEquals("acme.shop.Main", app.name);
        assertEquals("acme.shop.", app.mainPackage);
    }

    @Test
    void splitsTheCommandAsSplittingOnWhitespaceDid() {
        String[] pieces = {"a", "bb", " ", "  ", "\t", "\n", "\r\f", "\u000B", "x.jar", "-Dk=v", "\u00A0", "é"};
        java.util.Random random = new java.util.Random(9);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder command = new StringBuilder();
            for (int j = random.nextInt(10); j > 0; j--) {
                command.append(pieces[random.nextInt(pieces.length)]);
            }
            String trimmed = command.toString().trim(); // AppInfo trims first, as before
            String[] expected = trimmed.isEmpty() ? new String[0] : trimmed.split("\\s+");
            org.junit.jupiter.api.Assertions.assertArrayEquals(expected, AppInfo.words(trimmed), "'" + trimmed + "'");
        }
    }
}
