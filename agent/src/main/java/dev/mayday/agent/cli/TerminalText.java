package dev.mayday.agent.cli;

/**
 * Makes text from a report safe to print on a terminal. A report is untrusted input: a log line
 * from a user's machine may hold escape sequences that retitle, recolour or clear the
 * developer's terminal, carriage returns that overwrite what was printed, or bidirectional
 * overrides that make text read differently from what it is. Each such character is shown as a
 * visible escape ({@code \e}, {@code \r}, {@code \x07}, {@code \u202e}) instead.
 */
final class TerminalText {

    private TerminalText() {
    }

    /** One line: line breaks are escaped too. */
    static String line(String s) {
        return escape(s, false);
    }

    /** A block of lines (an exception's text): line breaks and tabs stay. */
    static String block(String s) {
        return escape(s, true);
    }

    private static String escape(String s, boolean keepLines) {
        int n = s.length();
        int i = 0;
        while (i < n && !unsafe(s.charAt(i), keepLines)) {
            i++;
        }
        if (i == n) {
            return s; // the usual case: nothing to change
        }
        StringBuilder b = new StringBuilder(n + 16).append(s, 0, i);
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (!unsafe(c, keepLines)) {
                b.append(c);
            } else if (c == '\u001b') {
                b.append("\\e");
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c == '\r') {
                b.append("\\r");
            } else if (c == '\t') {
                b.append("\\t");
            } else if (c < 0x100) {
                b.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
            } else {
                b.append(String.format("\\u%04x", (int) c));
            }
        }
        return b.toString();
    }

    private static boolean unsafe(char c, boolean keepLines) {
        if (c == '\n' || c == '\t') {
            return !keepLines;
        }
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) // C0 (escape, bell, backspace, CR...), DEL, C1 (CSI, OSC...)
                || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069') // bidirectional overrides
                || c == '\u200e' || c == '\u200f' || c == '\u061c';
    }
}
