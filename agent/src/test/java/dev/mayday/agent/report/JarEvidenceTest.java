package dev.mayday.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The central-directory reader finds what JarFile finds, in real jars and in odd ones. */
class JarEvidenceTest {

    @TempDir
    Path dir;

    @Test
    void agreesWithJarFileOnTheJarsOfThisBuild() throws IOException {
        Path repository = Paths.get(System.getProperty("user.home"), ".m2", "repository");
        List<Path> jars = new ArrayList<Path>();
        if (Files.isDirectory(repository)) {
            try (Stream<Path> files = Files.walk(repository)) {
                files.filter(p -> p.toString().endsWith(".jar")).limit(400).forEach(jars::add);
            }
        }
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.endsWith(".jar")) {
                jars.add(Paths.get(entry));
            }
        }
        assertTrue(jars.size() > 10, "only " + jars.size() + " jars to compare");
        int withGroups = 0;
        for (Path jar : jars) {
            Set<String> raw = CentralDirectory.mavenGroups(jar.toFile(), "META-INF/maven/");
            assertNotNull(raw, "not read: " + jar);
            assertEquals(JarEvidence.readEntries(jar.toFile()), raw, jar.toString());
            withGroups += raw.isEmpty() ? 0 : 1;
        }
        assertTrue(withGroups > 5, "only " + withGroups + " jars have Maven metadata");
    }

    @Test
    void readsAJarWithACommentAndBytesBeforeIt() throws IOException {
        File jar = dir.resolve("odd.jar").toFile();
        try (OutputStream out = new FileOutputStream(jar)) {
            out.write("#!/bin/sh\nexec java -jar \"$0\"\n".getBytes("UTF-8")); // a launcher script first
            JarOutputStream zip = new JarOutputStream(out);
            for (String name : Arrays.asList("a/B.class", "META-INF/maven/org.acme/app/pom.properties",
                    "META-INF/maven/org.acme/app/pom.xml", "META-INF/maven/com.other/lib/pom.properties",
                    "META-INF/maven/broken.properties", "META-INF/maven/é.group/x/pom.properties")) {
                zip.putNextEntry(new JarEntry(name));
                zip.write(1);
                zip.closeEntry();
            }
            zip.setComment("built by a test");
            zip.finish();
        }
        Set<String> expected = new LinkedHashSet<String>(Arrays.asList("org.acme", "com.other", "é.group"));
        assertEquals(expected, CentralDirectory.mavenGroups(jar, "META-INF/maven/"));
        assertEquals(expected, JarEvidence.read(jar.getPath()));
    }

    @Test
    void whatIsNotAJarHasNoGroups() throws IOException {
        Path text = dir.resolve("not.jar");
        Files.write(text, "not a zip at all".getBytes("UTF-8"));
        assertEquals(null, CentralDirectory.mavenGroups(text.toFile(), "META-INF/maven/"));
        assertTrue(JarEvidence.read(text.toString()).isEmpty());
        assertTrue(JarEvidence.read(dir.resolve("missing.jar").toString()).isEmpty());
    }
}
