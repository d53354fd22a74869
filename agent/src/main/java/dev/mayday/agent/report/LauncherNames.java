package dev.mayday.agent.report;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A stable application name where the main class is a launcher, not the program: a Surefire or
 * Failsafe fork runs {@code surefirebooter-<timestamp>.jar} (a new name every build), a Gradle
 * worker {@code GradleWorkerMain}, the JDK's source launcher a compiler class. The name then
 * comes from the project in the working directory: Maven's {@code artifactId}, Gradle's
 * {@code rootProject.name} or the directory's name; else the launcher's own short name.
 */
final class LauncherNames {

    /** Compiled when a Gradle worker first needs it, not by every first report (about 1 ms). */
    private static final class Gradle {
        static final Pattern ROOT_PROJECT = Pattern.compile("rootProject\\.name\\s*=\\s*['\"]([^'\"]+)['\"]");
    }
    private static final long MAX_BUILD_FILE = 1024 * 1024;

    private LauncherNames() {
    }

    /** The name to report, or null when the main class is the program itself. */
    static String nameFor(String jarName, String mainClass, String[] words, File workingDirectory) {
        String main = mainClass == null ? "" : mainClass;
        if ((jarName != null && jarName.startsWith("surefirebooter")) || main.startsWith("org.apache.maven.surefire.")) {
            String artifact = mavenArtifactId(workingDirectory);
            return artifact != null ? artifact : "surefire";
        }
        if (main.endsWith("GradleWorkerMain") || main.startsWith("worker.org.gradle.")) {
            String project = gradleProjectName(workingDirectory);
            return project != null ? project : "gradle-worker";
        }
        if (main.startsWith("jdk.internal.") || main.startsWith("com.sun.tools.javac.launcher.")) {
            // The source launcher (java Foo.java) and other JDK launchers: name the program they run.
            for (int i = 1; i < words.length; i++) {
                String w = words[i];
                if (w.startsWith("-")) {
                    continue;
                }
                String file = new File(w).getName();
                if (file.endsWith(".java") || file.endsWith(".jar")) {
                    return file.substring(0, file.lastIndexOf('.'));
                }
                return file;
            }
            return main.substring(main.lastIndexOf('.') + 1);
        }
        return null;
    }

    /** The {@code artifactId} of {@code pom.xml} in the directory (the project's own, not its parent's). */
    static String mavenArtifactId(File directory) {
        File pom = new File(directory, "pom.xml");
        if (!pom.isFile() || pom.length() > MAX_BUILD_FILE) {
            return null;
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            // A build file is not trusted input either: no DTDs, no external entities.
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            Element project = builder.parse(pom).getDocumentElement();
            for (Node n = project.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element && "artifactId".equals(((Element) n).getTagName())) {
                    String id = n.getTextContent().trim();
                    return id.isEmpty() || id.contains("${") ? null : id;
                }
            }
        } catch (Exception e) {
            return null; // not a readable POM: fall back
        }
        return null;
    }

    /** {@code rootProject.name} of the directory's settings file, else the directory's name (a subproject). */
    static String gradleProjectName(File directory) {
        for (String settings : new String[] {"settings.gradle", "settings.gradle.kts"}) {
            File f = new File(directory, settings);
            if (f.isFile() && f.length() <= MAX_BUILD_FILE) {
                try {
                    Matcher m = Gradle.ROOT_PROJECT.matcher(new String(Files.readAllBytes(f.toPath()), StandardCharsets.UTF_8));
                    if (m.find()) {
                        return m.group(1);
                    }
                } catch (IOException | RuntimeException ignored) {
                    // the directory's name below
                }
            }
        }
        return directory.getName().isEmpty() ? null : directory.getName();
    }
}
