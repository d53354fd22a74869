package dev.mayday.it;

import java.io.File;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * Child JVMs for the server test apps ({@code demo.servers}, in the test sources): their class path
 * holds the real server jars from Maven Central (Jetty 12, Tomcat, Netty, Logback as the
 * SLF4J provider), and Logback logs at INFO on the console.
 */
final class ServerApps {

    private ServerApps() {
    }

    /** Jetty core, Tomcat (with its own copy of the jakarta servlet API) and Netty. */
    static ChildJvm child(Jdk jdk, Path home) {
        return child(jdk, home, false);
    }

    /** Jetty's servlet containers (ee10: jakarta, ee8: javax), with the servlet API jars and without Tomcat. */
    static ChildJvm jettyServlets(Jdk jdk, Path home) {
        return child(jdk, home, true);
    }

    private static ChildJvm child(Jdk jdk, Path home, boolean servletApiJars) {
        ChildJvm child = new ChildJvm(jdk, home).timeout(120);
        for (String entry : classPath(servletApiJars)) {
            child.classPath(entry);
        }
        return child.jvmArg("-Dlogback.configurationFile="
                + Paths.get("src", "test", "resources", "demo-servers-logback.xml").toAbsolutePath());
    }

    /** The server jars and the test classes holding demo.servers, from the tests' own class path. */
    private static List<String> classPath(boolean servletApiJars) {
        List<String> entries = new ArrayList<>();
        String all = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        for (String entry : all.split(File.pathSeparator)) {
            Path file = Paths.get(entry).getFileName();
            String name = file == null ? "" : file.toString();
            boolean servletApi = name.startsWith("jakarta.servlet-api") || name.startsWith("jetty-servlet-api");
            if (servletApi ? servletApiJars
                    : name.equals("test-classes") || name.startsWith("jetty-") || name.startsWith("logback-")
                    || name.startsWith("slf4j-") || name.startsWith("netty-")
                    || (name.startsWith("tomcat-") && !servletApiJars)) {
                entries.add(entry);
            }
        }
        return entries;
    }
}
