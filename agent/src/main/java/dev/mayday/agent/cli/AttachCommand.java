package dev.mayday.agent.cli;

import dev.mayday.agent.attach.AttachFile;
import dev.mayday.agent.attach.Presence;
import dev.mayday.agent.options.OptionException;
import dev.mayday.agent.options.OptionsLoader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

/**
 * {@code attach PID [key=value,...]}: puts Mayday into a running JVM. Everything that can be
 * checked is checked before anything is sent: the options (against the target's own
 * {@code -Dmayday.*} and {@code MAYDAY_*} too), the process (exists, is this user's, is a JVM in
 * this PID namespace, allows attaching), the JVM (HotSpot, Java 17 or later, Mayday not in it
 * yet). The options travel in a private file; the target answers in the same directory.
 * Exit status 0 when Mayday runs in the target afterwards, 1 when it could not be put there,
 * 2 for a wrong command line or bad options.
 */
final class AttachCommand {

    private AttachCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 1) {
            err.println("mayday: usage: attach PID [key=value,...]");
            return 2;
        }
        long pid;
        try {
            pid = Long.parseLong(args[0]);
        } catch (NumberFormatException e) {
            err.println("mayday: attach: '" + args[0] + "' is not a pid; usage: attach PID [key=value,...]"
                    + " (list shows the JVMs)");
            return 2;
        }
        List<String> items = AttachArguments.items(Arrays.copyOfRange(args, 1, args.length));
        try {
            OptionsLoader.loadItems(items, new Properties(), Collections.<String, String>emptyMap());
        } catch (OptionException e) {
            err.println("mayday: attach: " + e.getMessage() + "; nothing was sent to " + pid);
            return 2;
        }
        if (!AttachModule.available()) {
            err.println("mayday: attach: " + AttachModule.unavailableLine());
            return 1;
        }
        if (pid == ProcessHandle.current().pid()) {
            err.println("mayday: attach: " + pid + " is this command's own JVM");
            return 2;
        }
        ProcessFacts facts = new ProcessFacts(pid);
        String refusal = facts.refusal();
        if (refusal != null) {
            err.println("mayday: attach: " + refusal);
            return 1;
        }
        AttachApi vm;
        try {
            vm = AttachApi.attach(pid);
        } catch (AttachApi.Refused e) {
            err.println("mayday: attach: " + e.getMessage());
            return 1;
        }
        try {
            return attachTo(vm, pid, facts, items, out, err);
        } finally {
            vm.detach();
        }
    }

    private static int attachTo(AttachApi vm, long pid, ProcessFacts facts, List<String> items, PrintStream out,
                                PrintStream err) {
        Properties props;
        try {
            props = vm.systemProperties();
        } catch (AttachApi.Refused e) {
            err.println("mayday: attach: " + e.getMessage());
            return 1;
        }
        String refusal = TargetVm.refusal(props, pid);
        if (refusal != null) {
            err.println("mayday: attach: " + refusal);
            return 1;
        }
        String mine;
        try {
            // The target reads its own -Dmayday.* properties and MAYDAY_* variables too: check them now.
            mine = OptionsLoader.loadItems(items, props, facts.environment()).digest();
        } catch (OptionException e) {
            err.println("mayday: attach: " + e.getMessage() + " (with JVM " + pid + "'s own settings); nothing was sent");
            return 2;
        }
        String present = props.getProperty(Presence.PROPERTY);
        if (present != null) {
            out.println("mayday: " + pid + ": " + already(present, mine));
            return 0;
        }
        Path file;
        try {
            String owner = facts.owner();
            file = AttachFile.write(items, owner == null || owner.equals(System.getProperty("user.name")) ? null : owner);
        } catch (IOException e) {
            err.println("mayday: attach: cannot write the options file: " + e.getMessage() + "; nothing was sent");
            return 1;
        }
        try {
            vm.loadAgent(AgentJar.path(), file.toString());
            String[] answer = AttachFile.readAnswer(file);
            if (answer == null) {
                err.println("mayday: attach: JVM " + pid + " loaded the agent but did not answer; its stderr says why");
                return 1;
            }
            if (AttachFile.ALREADY.equals(answer[0])) {
                out.println("mayday: " + pid + ": " + answer[1]);
                return 0;
            }
            if (!AttachFile.STARTED.equals(answer[0])) {
                err.println("mayday: attach: JVM " + pid + ": " + answer[1]);
                return AttachFile.REFUSED.equals(answer[0]) ? 2 : 1;
            }
            out.println("mayday: attached to " + pid + ": " + answer[1]);
            if (TargetVm.feature(props) >= 21 && !facts.allowsDynamicAgentsQuietly()) {
                out.println("mayday: note: Java " + TargetVm.feature(props) + " printed a warning about a dynamically"
                        + " loaded agent on that program's stderr; -XX:+EnableDynamicAgentLoading at its start allows"
                        + " agents quietly");
            }
            return 0;
        } catch (AttachApi.Refused e) {
            err.println("mayday: attach: " + e.getMessage());
            return 1;
        } finally {
            AttachFile.clean(file);
        }
    }

    private static String already(String present, String mine) {
        String theirs = Presence.digestOf(present);
        String line = Presence.alreadyLine(present);
        if (theirs != null && !theirs.equals(mine)) {
            line += " (yours would be options " + mine + "; restart the program to change them)";
        }
        return line;
    }
}
