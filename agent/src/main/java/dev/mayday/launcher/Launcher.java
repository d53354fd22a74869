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

    private Launcher() {
    }

    public static void premain(String args, Instrumentation inst) {
        start(args, inst, "premain");
    }

    public static void agentmain(String args, Instrumentation inst) {
        start(args, inst, "agentmain");
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
