package dev.mayday.agent.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.File;
import java.io.IOException;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The jars on the class path with their versions (from the manifest, else from the file name).
 * The class path does not change, so it is read once.
 */
final class ClasspathJars {

    static final int MAX_ENTRIES = 1000;
    // Compiled where it is used (once: the class path is read once), not in a static initialiser.
    private static final String VERSION_IN_NAME = "-(\\d[\\w.\\-]*)\\.jar$";

    private static volatile JsonArray cached;

    private ClasspathJars() {
    }

    static JsonArray get() {
        JsonArray jars = cached;
        if (jars == null) {
            jars = read(System.getProperty("java.class.path", ""));
            cached = jars;
        }
        return jars.deepCopy();
    }

    static JsonArray read(String classPath) {
        JsonArray jars = new JsonArray();
        if (classPath.isEmpty()) {
            return jars;
        }
        for (String entry : classPath.split(File.pathSeparator)) {
            if (jars.size() >= MAX_ENTRIES) {
                break;
            }
            File file = new File(entry);
            JsonObject jar = new JsonObject();
            jar.addProperty("name", file.getName());
            if (entry.endsWith(".jar")) {
                String version = manifestVersion(file);
                if (version == null) {
                    Matcher m = Pattern.compile(VERSION_IN_NAME).matcher(file.getName());
                    version = m.find() ? m.group(1) : null;
                }
                if (version != null) {
                    jar.addProperty("version", version);
                }
            } else {
                jar.addProperty("directory", true);
            }
            jars.add(jar);
        }
        return jars;
    }

    /** Implementation-Version (or Bundle-Version) of a jar's manifest, or null. */
    static String manifestVersion(File file) {
        if (!file.isFile()) {
            return null;
        }
        try (JarFile jar = new JarFile(file, false)) {
            Manifest manifest = jar.getManifest();
            if (manifest == null) {
                return null;
            }
            Attributes main = manifest.getMainAttributes();
            String v = main.getValue(Attributes.Name.IMPLEMENTATION_VERSION);
            return v != null ? v : main.getValue("Bundle-Version");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
