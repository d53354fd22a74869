package dev.mayday.agent.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.File;
import java.io.IOException;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The jars on the class path with their versions (from the manifest, else from the file name).
 * The class path does not change, so it is read once.
 */
final class ClasspathJars {

    static final int MAX_ENTRIES = 1000;

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
                    version = versionInName(file.getName());
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

    /**
     * What {@code -(\\d[\\w.\\-]*)\\.jar$} finds in a jar's name ({@code gson-2.13.2.jar}: 2.13.2), or
     * null; by hand, since compiling the expression cost the first report a millisecond or two.
     */
    static String versionInName(String name) {
        if (!name.endsWith(".jar")) {
            return null;
        }
        int end = name.length() - ".jar".length();
        for (int dash = name.indexOf('-'); dash >= 0 && dash + 1 < end; dash = name.indexOf('-', dash + 1)) {
            char first = name.charAt(dash + 1);
            if (first < '0' || first > '9') {
                continue;
            }
            boolean plain = true;
            for (int i = dash + 2; i < end && plain; i++) {
                plain = CharClasses.wordDotOrDash(name.charAt(i));
            }
            if (plain) {
                return name.substring(dash + 1, end);
            }
        }
        return null;
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
