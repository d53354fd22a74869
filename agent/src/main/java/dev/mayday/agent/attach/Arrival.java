package dev.mayday.agent.attach;

import dev.mayday.agent.options.OptionException;
import dev.mayday.agent.options.OptionsLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The first step of a dynamic attach inside the target, run by the launcher before anything is
 * defined in the JVM (no bootstrap class, no hook, no property): takes the options file, checks
 * that Mayday is not already here and that the options are good, and otherwise answers and
 * leaves the JVM exactly as it was.
 */
public final class Arrival {

    private static volatile Path answerTo;

    private Arrival() {
    }

    /**
     * @param argument the agent argument: the path of an options file, or (from another tool,
     *                 e.g. {@code jcmd PID JVMTI.agent_load}) plain {@code key=value,...} pairs
     * @return the option items, one per line, when the agent should start; null when it must not
     */
    public static String accept(String argument) {
        List<String> items = AttachFile.take(argument);
        Path answer = null;
        if (items != null) {
            answer = Path.of(argument);
        } else if (AttachFile.looksLikeOne(argument)) {
            System.err.println("mayday: cannot read the attach options file " + argument
                    + "; Mayday was not started, nothing was changed in this JVM");
            return null;
        } else {
            items = new ArrayList<String>();
            if (argument != null) {
                for (String item : argument.split(",")) {
                    if (!item.trim().isEmpty()) {
                        items.add(item.trim());
                    }
                }
            }
        }
        String present = Presence.current();
        if (present != null) {
            say(answer, AttachFile.ALREADY, Presence.alreadyLine(present));
            return null;
        }
        try {
            OptionsLoader.loadItems(items, System.getProperties(), System.getenv());
        } catch (OptionException e) {
            say(answer, AttachFile.REFUSED, e.getMessage() + "; nothing was changed in this JVM");
            return null;
        }
        answerTo = answer;
        return String.join("\n", items);
    }

    /** The items {@link #accept} returned, back as a list. */
    public static List<String> items(String joined) {
        if (joined == null || joined.isEmpty()) {
            return Collections.emptyList();
        }
        List<String> items = new ArrayList<String>();
        Collections.addAll(items, joined.split("\n"));
        return items;
    }

    /** The final answer of an attach that got past {@link #accept}. */
    public static void answer(String status, String line) {
        Path to = answerTo;
        answerTo = null;
        say(to, status, line);
    }

    private static void say(Path answer, String status, String line) {
        if (answer != null) {
            AttachFile.answer(answer, status, line);
        } else if (!AttachFile.STARTED.equals(status)) {
            System.err.println("mayday: " + line); // no attaching side to read an answer
        }
    }
}
