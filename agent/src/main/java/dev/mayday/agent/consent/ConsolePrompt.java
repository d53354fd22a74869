package dev.mayday.agent.consent;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Locale;

/**
 * The consent question as a text dialogue, for programs run from a terminal:
 *
 * <pre>
 * Acme has stopped working: NullPointerException in acme.Game.tick.
 * A report of what happened can go to its developers.
 * [s] send  [d] don't send  [v] view the report  [a] always send for Acme
 * &gt;
 * </pre>
 *
 * {@code v} shows the report and asks again; {@code s} and {@code a} then ask for an optional
 * comment and e-mail, and, when earlier problem reports are offered with this one, whether they
 * go too ({@code Also send 3 earlier problem reports too? [Y/n]}). After {@value #MAX_UNRECOGNISED} answers it does not understand it takes
 * "don't send"; at the end of the input it returns null (nobody is there).
 */
public final class ConsolePrompt implements ConsentAsker {

    /** Unrecognised answers before giving up: a person mistypes a few times, a script forever. */
    static final int MAX_UNRECOGNISED = 5;

    private final BufferedReader in;
    private final PrintWriter out;

    public ConsolePrompt(BufferedReader in, PrintWriter out) {
        this.in = in;
        this.out = out;
    }

    /**
     * A prompt on the terminal the program runs in, or null when there is none (input or output
     * redirected, no terminal at all).
     */
    public static ConsolePrompt systemConsole() {
        try {
            Console console = System.console();
            if (console == null || !isTerminal(console)) {
                return null;
            }
            return new ConsolePrompt(new BufferedReader(console.reader()), console.writer());
        } catch (Throwable e) {
            return null;
        }
    }

    /**
     * From JDK 22 on, {@code System.console()} returns a console even when input and output are
     * redirected; {@code Console.isTerminal()} (JDK 22+, so called reflectively) tells them apart.
     * Before JDK 22 a console exists only on a terminal.
     */
    private static boolean isTerminal(Console console) throws ReflectiveOperationException {
        Method isTerminal;
        try {
            isTerminal = Console.class.getMethod("isTerminal");
        } catch (NoSuchMethodException e) {
            return true;
        }
        return Boolean.TRUE.equals(isTerminal.invoke(console));
    }

    @Override
    public ConsentAnswer ask(ConsentRequest request) {
        try {
            return converse(request);
        } catch (Throwable e) {
            return null;
        }
    }

    private ConsentAnswer converse(ConsentRequest request) throws IOException {
        String app = request.appName();
        out.println(app + " has stopped working: " + request.title() + ".");
        out.println("A report of what happened can go to its developers.");
        List<String> earlier = request.earlierTitles();
        if (!earlier.isEmpty()) {
            out.println("Before that it went on after " + (earlier.size() == 1 ? "1 problem" : earlier.size() + " problems")
                    + ", kept unsent: " + String.join("; ", earlier) + ".");
        }
        String choices = "[s] send  [d] don't send  [v] view the report  [a] always send for " + app;
        int unrecognised = 0;
        while (true) {
            String line = prompt(choices + System.lineSeparator() + "> ");
            if (line == null) {
                return null;
            }
            switch (line.trim().toLowerCase(Locale.ROOT)) {
                case "s":
                case "send":
                    return details(false, request);
                case "a":
                case "always":
                    return details(true, request);
                case "d":
                case "dont":
                case "don't":
                    return ConsentAnswer.dontSend();
                case "v":
                case "view":
                    out.println(request.reportText());
                    out.println();
                    break;
                default:
                    if (++unrecognised >= MAX_UNRECOGNISED) {
                        out.println("No choice made: the report is not sent.");
                        out.flush();
                        return ConsentAnswer.dontSend();
                    }
                    out.println("Please type s, d, v or a, then Enter.");
            }
        }
    }

    /**
     * The optional comment and e-mail after "send", then, if there are earlier problem reports,
     * whether they go too (Enter: yes); null if the input ends.
     */
    private ConsentAnswer details(boolean always, ConsentRequest request) throws IOException {
        String comment = prompt("Comment (optional, one line): ");
        if (comment == null) {
            return null;
        }
        String email = prompt("E-mail (optional): ");
        if (email == null) {
            return null;
        }
        boolean includeEarlier = false;
        String offer = request.earlierOffer();
        if (offer != null) {
            String yes = prompt(offer + " too? [Y/n] ");
            if (yes == null) {
                return null;
            }
            String answer = yes.trim().toLowerCase(Locale.ROOT);
            includeEarlier = !(answer.equals("n") || answer.equals("no"));
        }
        return ConsentAnswer.send(comment, email, always, includeEarlier);
    }

    /** Shows the prompt (flushed: there is no newline after it) and reads one line. */
    private String prompt(String text) throws IOException {
        out.print(text);
        out.flush();
        return in.readLine();
    }
}
