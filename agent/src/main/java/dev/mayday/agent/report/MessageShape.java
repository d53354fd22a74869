package dev.mayday.agent.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of an exception's message that names the bug, for the signature; null for messages
 * that name the data (ids, paths, user input), which would split one bug into thousands of
 * groups. Kept: the JDK's helpful NullPointerException text (which variable was null, local
 * slots and numbers normalised), a ClassCastException's two classes, an index exception's
 * text without the index.
 */
final class MessageShape {

    static final int MAX_CHARS = 300;

    // Each group compiled when a failure of its kind first needs it: compiling all seven cost
    // every first report about 4 ms, most of them for failures that use none.
    private static final class Npe {
        static final Pattern LOCAL_SLOT = Pattern.compile("<local\\d+>");
    }

    private static final class Ids {
        static final Pattern UUID = Pattern.compile(
                "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
        static final Pattern HEX = Pattern.compile("\\b0x[0-9a-fA-F]+\\b|\\b[0-9a-fA-F]{8,}\\b");
    }

    private static final class Numbers {
        static final Pattern NUMBER = Pattern.compile("\\d+");
    }

    private static final class Casts {
        static final Pattern CAST = Pattern.compile("class (\\S+) cannot be cast to class (\\S+)");
        static final Pattern OLD_CAST = Pattern.compile("^(\\S+) cannot be cast to (\\S+)");
        static final Pattern HIDDEN = Pattern.compile("(\\$\\$Lambda)[\\w$]*(/0x[0-9a-fA-F]+)?|/0x[0-9a-fA-F]+");
    }

    private MessageShape() {
    }

    static String of(Throwable t) {
        String message = ExceptionJson.safeMessage(t);
        if (message == null || message.isEmpty()) {
            return null;
        }
        if (message.length() > 4 * MAX_CHARS) {
            message = message.substring(0, 4 * MAX_CHARS);
        }
        if (t instanceof NullPointerException) {
            return clip(normalise(Npe.LOCAL_SLOT.matcher(message).replaceAll("<local>")));
        }
        if (t instanceof ClassCastException) {
            Matcher m = Casts.CAST.matcher(message);
            if (!m.find()) {
                m = Casts.OLD_CAST.matcher(message);
                if (!m.find()) {
                    return null;
                }
            }
            return hidden(m.group(1)) + " -> " + hidden(m.group(2));
        }
        if (t instanceof IndexOutOfBoundsException) {
            // "Index 7 out of bounds for length 3": which index is the data, not the bug.
            return clip(Numbers.NUMBER.matcher(message).replaceAll("N"));
        }
        return null;
    }

    /** Ids, hex numbers and digits become placeholders. */
    static String normalise(String text) {
        String s = Ids.UUID.matcher(text).replaceAll("<uuid>");
        s = Ids.HEX.matcher(s).replaceAll("<hex>");
        return Numbers.NUMBER.matcher(s).replaceAll("N");
    }

    private static String hidden(String className) {
        return Casts.HIDDEN.matcher(className).replaceAll("$1");
    }

    private static String clip(String s) {
        return s.length() > MAX_CHARS ? s.substring(0, MAX_CHARS) : s;
    }
}
