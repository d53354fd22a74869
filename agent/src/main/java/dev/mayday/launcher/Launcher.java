package dev.mayday.launcher;

import java.io.File;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.jar.JarFile;

/**
 * The only agent class the application's class loader defines: the entry point of
 * {@code -javaagent}, of a dynamic attach and of the command-line tool. It puts the jar's
 * bootstrap classes into the bootstrap class loader and starts the agent inside its own class loader,
 * which keeps Mayday's libraries (ASM, Gson) out of the application's sight.
 */
public final class Launcher {

    private static final String CLI_MAIN = "dev.mayday.agent.cli.Cli";
    private static final String ARRIVAL = "dev.mayday.agent.attach.Arrival";
    /** {@code dev.mayday.agent.attach.Presence.PROPERTY}: set by the first copy of Mayday in a JVM. */
    private static final String PRESENCE = "dev.mayday.agent";

    private Launcher() {
    }

    public static void premain(String args, Instrumentation inst) {
        String present = System.getProperty(PRESENCE);
        if (present != null) {
            // A second -javaagent copy (JAVA_TOOL_OPTIONS and the command line, say): one line, nothing else.
            System.err.println("mayday: Mayday is already running in this JVM (" + present
                    + "); this copy changes nothing, the first copy's options stay");
            return;
        }
        start(args, inst, "premain");
    }

    /**
     * Dynamic attach. The options are read and checked in Mayday's own class loader before the
     * bootstrap classes are defined, so an attach that is refused (bad options, Mayday already
     * here) leaves the JVM as it was. The cost of the reflective call does not matter here.
     */
    public static void agentmain(String args, Instrumentation inst) {
        if (isJdkTool()) {
            return;
        }
        try {
            File jar = agentJar();
            JarFile jarFile = new JarFile(jar, false);
            AgentClassLoader loader = new AgentClassLoader(jar, jarFile, ClassLoader.getPlatformClassLoader());
            Method accept = Class.forName(ARRIVAL, true, loader).getMethod("accept", String.class);
            String items = (String) accept.invoke(null, args);
            if (items == null) {
                jarFile.close();
                return; // refused or already here: the arrival answered
            }
            BootstrapInjector.inject(inst, jarFile);
            AgentStarter.start("agentmain", items, inst, loader);
        } catch (InvocationTargetException e) {
            System.err.println("mayday: the agent did not start: " + e.getCause());
        } catch (ExceptionInInitializerError e) {
            System.err.println("mayday: the agent did not start: " + e.getCause());
        } catch (Throwable e) {
            System.err.println("mayday: the agent did not start: " + e);
        }
    }

    /** {@code java -jar mayday-agent.jar COMMAND}. */
    public static void main(String[] args) throws Throwable {
        File jar = agentJar();
        AgentClassLoader loader = new AgentClassLoader(jar, new JarFile(jar, false), Launcher.class.getClassLoader());
        Method main = loader.loadClass(CLI_MAIN).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void start(String args, Instrumentation inst, String entry) {
        if (isJdkTool()) {
            return; // jps, jcmd, javac picking the agent up from JAVA_TOOL_OPTIONS: nothing to watch
        }
        try {
            File jar = agentJar();
            JarFile jarFile = new JarFile(jar, false);
            BootstrapInjector.inject(inst, jarFile);
            // The platform loader as parent: the JDK's modules, but not the application's class path.
            AgentClassLoader loader = new AgentClassLoader(jar, jarFile, ClassLoader.getPlatformClassLoader());
            Preloader.start(loader);
            AgentStarter.start(entry, args, inst, loader);
        } catch (ExceptionInInitializerError e) {
            System.err.println("mayday: the agent did not start: " + e.getCause());
        } catch (Throwable e) {
            // Never take the program down with us.
            System.err.println("mayday: the agent did not start: " + e);
        }
    }

    private static boolean isJdkTool() {
        String command = System.getProperty("sun.java.command", "");
        return command.startsWith("sun.tools.") || command.startsWith("jdk.") || command.startsWith("com.sun.tools.");
    }

    private static File agentJar() throws Exception {
        return new File(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
