package dev.mayday.launcher;

import java.io.File;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.zip.ZipFile;

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
            ZipFile jarFile = new ZipFile(jar);
            ClassBytes classBytes = new ClassBytes();
            AgentClassLoader loader = new AgentClassLoader(jar, jarFile, classBytes,
                    ClassLoader.getPlatformClassLoader());
            Method accept = Class.forName(ARRIVAL, true, loader).getMethod("accept", String.class);
            String items = (String) accept.invoke(null, args);
            if (items == null) {
                jarFile.close();
                return; // refused or already here: the arrival answered
            }
            BootstrapInjector.inject(inst, jarFile, classBytes);
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
        AgentClassLoader loader = new AgentClassLoader(jar, new ZipFile(jar), new ClassBytes(),
                Launcher.class.getClassLoader());
        Method main = loader.loadClass(CLI_MAIN).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void start(String args, Instrumentation inst, String entry) {
        if (isJdkTool()) {
            return; // jps, jcmd, javac, keytool picking the agent up from JAVA_TOOL_OPTIONS: nothing to watch
        }
        try {
            File jar = agentJar();
            ZipFile jarFile = new ZipFile(jar);
            ClassBytes classBytes = new ClassBytes();
            BootstrapInjector.inject(inst, jarFile, classBytes);
            // The platform loader as parent: the JDK's modules, but not the application's class path.
            AgentClassLoader loader = new AgentClassLoader(jar, jarFile, classBytes,
                    ClassLoader.getPlatformClassLoader());
            Preloader.start(loader);
            AgentStarter.start(entry, args, inst, loader);
        } catch (ExceptionInInitializerError e) {
            System.err.println("mayday: the agent did not start: " + e.getCause());
        } catch (Throwable e) {
            // Never take the program down with us.
            System.err.println("mayday: the agent did not start: " + e);
        }
    }

    /**
     * A JDK tool (javac, jps, jcmd, keytool, jrunscript, jshell...) picking the agent up from
     * {@code JAVA_TOOL_OPTIONS}: decided by the main class's module, not its package name
     * (keytool's main class is {@code sun.security.tools.keytool.Main} in {@code java.base}).
     * The launchers name the module in {@code sun.java.command} ({@code java.base/sun...Main});
     * a JDK class started by its name alone is looked up among the JDK's own modules.
     */
    static boolean isJdkTool() {
        String command = System.getProperty("sun.java.command", "");
        int space = command.indexOf(' ');
        String main = space < 0 ? command : command.substring(0, space);
        int slash = main.indexOf('/');
        if (slash > 0) {
            return isJdkModule(main.substring(0, slash));
        }
        int dot = main.lastIndexOf('.');
        if (dot <= 0 || main.endsWith(".jar")) {
            return false; // the unnamed package, or java -jar
        }
        String pkg = main.substring(0, dot);
        for (Module module : ModuleLayer.boot().modules()) {
            if (isJdkModule(module.getName()) && module.getDescriptor().packages().contains(pkg)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isJdkModule(String name) {
        return name.startsWith("java.") || name.startsWith("jdk.");
    }

    private static File agentJar() throws Exception {
        return new File(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
