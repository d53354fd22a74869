package dev.mayday.agent.report;

import dev.mayday.agent.options.Option;
import dev.mayday.agent.options.Options;
import java.io.File;
import java.io.IOException;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Who the application is: its name and version (from the options, else from the main class or
 * jar), worked out once from the command line the JVM was started with. Where the main class is
 * a launcher (a Surefire or Failsafe fork, a Gradle worker, the JDK's source launcher) the name
 * comes from the project instead ({@link LauncherNames}), so that it stays the same from one
 * build to the next; the {@code app} option always wins.
 */
public final class AppInfo {

    final String name;
    final String version;
    final String mainClass;
    /** The main class's package with a trailing dot; null for launchers and the default package. */
    final String mainPackage;
    /** The absolute path of the jar given to {@code java -jar}; null otherwise. */
    final String mainJar;

    private AppInfo(String name, String version, String mainClass, String mainPackage, String mainJar) {
        this.name = name;
        this.version = version;
        this.mainClass = mainClass;
        this.mainPackage = mainPackage;
        this.mainJar = mainJar;
    }

    /** The application's name as its reports carry it in {@code app.name}. */
    public static String nameOf(Options options) {
        return of(options).name;
    }

    static AppInfo of(Options options) {
        return of(options, System.getProperty("sun.java.command", ""), new File(System.getProperty("user.dir", ".")));
    }

    /** {@code command.split("\\s+")} without compiling a regular expression on the first report. */
    static String[] words(String command) {
        java.util.List<String> words = new java.util.ArrayList<String>();
        int n = command.length();
        int i = 0;
        while (i < n) {
            while (i < n && CharClasses.space(command.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !CharClasses.space(command.charAt(i))) {
                i++;
            }
            if (i > start) {
                words.add(command.substring(start, i));
            }
        }
        return words.toArray(new String[0]);
    }

    static AppInfo of(Options options, String javaCommand, File workingDirectory) {
        String command = javaCommand == null ? "" : javaCommand.trim();
        String[] words = words(command);
        String first = words.length == 0 ? "" : words[0];
        String mainClass = first;
        String jarName = null;
        String jarVersion = null;
        String mainJar = null;
        if (first.endsWith(".jar")) {
            File jar = new File(first);
            jarName = jar.getName().substring(0, jar.getName().length() - ".jar".length());
            mainJar = jar.getAbsoluteFile().toPath().normalize().toString();
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
        String launched = LauncherNames.nameFor(jarName, mainClass, words, workingDirectory);
        String name = options.get(Option.APP);
        if (name == null) {
            if (launched != null) {
                name = launched;
            } else {
                name = jarName != null ? jarName : (mainClass == null || mainClass.isEmpty() ? "unknown" : mainClass);
            }
        }
        String version = options.get(Option.VERSION);
        if (version == null) {
            version = jarVersion != null && launched == null ? jarVersion : "unknown";
        }
        String mainPackage = null;
        if (launched == null && mainClass != null && mainClass.lastIndexOf('.') > 0) {
            mainPackage = mainClass.substring(0, mainClass.lastIndexOf('.') + 1);
        }
        return new AppInfo(name, version, mainClass, mainPackage, launched == null ? mainJar : null);
    }
}
