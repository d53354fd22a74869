package dev.mayday.agent.report;

import dev.mayday.agent.options.Option;
import dev.mayday.agent.options.Options;
import java.io.File;
import java.io.IOException;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Who the application is: its name and version (from the options, else from the main class or
 * jar), worked out once from the command line the JVM was started with.
 */
public final class AppInfo {

    final String name;
    final String version;
    final String mainClass;

    private AppInfo(String name, String version, String mainClass) {
        this.name = name;
        this.version = version;
        this.mainClass = mainClass;
    }

    /** The application's name as its reports carry it in {@code app.name}. */
    public static String nameOf(Options options) {
        return of(options).name;
    }

    static AppInfo of(Options options) {
        String command = System.getProperty("sun.java.command", "").trim();
        String first = command.isEmpty() ? "" : command.split("\\s+")[0];
        String mainClass = first;
        String jarName = null;
        String jarVersion = null;
        if (first.endsWith(".jar")) {
            File jar = new File(first);
            jarName = jar.getName().substring(0, jar.getName().length() - ".jar".length());
            mainClass = null;
            try (JarFile file = new JarFile(jar, false)) {
                Manifest manifest = file.getManifest();
                if (manifest != null) {
                    mainClass = manifest.getMainAttributes().getValue("Main-Class");
                    jarVersion = manifest.getMainAttributes().getValue("Implementation-Version");
                }
            } catch (IOException | RuntimeException ignored) {
                // name from the file alone
            }
        } else if (first.indexOf('/') > 0) {
            mainClass = first.substring(first.indexOf('/') + 1); // -m module/class
        }
        String name = options.get(Option.APP);
        if (name == null) {
            name = jarName != null ? jarName : (mainClass == null || mainClass.isEmpty() ? "unknown" : mainClass);
        }
        String version = options.get(Option.VERSION);
        if (version == null) {
            version = jarVersion != null ? jarVersion : "unknown";
        }
        return new AppInfo(name, version, mainClass);
    }
}
