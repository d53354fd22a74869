package dev.mayday.agent.cli;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import com.sun.tools.attach.VirtualMachineDescriptor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The only class that names the JDK's attach API ({@code jdk.attach}), so the commands can say
 * clearly that a runtime without that module cannot attach, instead of failing to link: they
 * ask {@link AttachModule} first, and only then touch this class (whose verification already
 * needs the API's exception classes).
 */
final class AttachApi {

    /** A refusal with the line for the person. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String line) {
            super(line);
        }
    }

    private final VirtualMachine vm;
    private final long pid;

    private AttachApi(VirtualMachine vm, long pid) {
        this.vm = vm;
        this.pid = pid;
    }

    /** The JVMs this user's attach API sees: pid and display name (main class or jar, and arguments). */
    static List<String[]> list() {
        List<String[]> result = new ArrayList<String[]>();
        for (VirtualMachineDescriptor d : VirtualMachine.list()) {
            result.add(new String[] {d.id(), d.displayName()});
        }
        return result;
    }

    static AttachApi attach(long pid) throws Refused {
        try {
            return new AttachApi(VirtualMachine.attach(Long.toString(pid)), pid);
        } catch (AttachNotSupportedException e) {
            throw new Refused("JVM " + pid + " cannot be attached to: " + e.getMessage()
                    + " (was it started with -XX:+DisableAttachMechanism, or is it not a HotSpot JVM?)");
        } catch (IOException e) {
            throw new Refused("could not attach to JVM " + pid + ": " + e.getMessage());
        } catch (SecurityException e) {
            throw new Refused("not allowed to attach to JVM " + pid + ": " + e.getMessage());
        }
    }

    Properties systemProperties() throws Refused {
        try {
            return vm.getSystemProperties();
        } catch (IOException e) {
            throw new Refused("JVM " + pid + " did not answer: " + e.getMessage());
        }
    }

    void loadAgent(String jar, String argument) throws Refused {
        try {
            vm.loadAgent(jar, argument);
        } catch (AgentLoadException e) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("EnableDynamicAgentLoading")) {
                throw new Refused("JVM " + pid + " refuses agents loaded at run time (-XX:-EnableDynamicAgentLoading);"
                        + " restart it with -XX:+EnableDynamicAgentLoading, or with -javaagent");
            }
            throw new Refused("JVM " + pid + " could not load the agent: " + m);
        } catch (AgentInitializationException e) {
            throw new Refused("the agent did not start in JVM " + pid + " (code " + e.returnValue()
                    + "); its stderr says why");
        } catch (IOException e) {
            throw new Refused("JVM " + pid + " did not answer while loading the agent: " + e.getMessage());
        }
    }

    void detach() {
        try {
            vm.detach();
        } catch (IOException ignored) {
            // the connection is gone either way
        }
    }
}
