package dev.mayday.agent.report;

/**
 * The character classes of the regular expressions that hand-written rules replaced (compiling
 * an expression costs the first report a millisecond or two): the same characters, ASCII only, as
 * {@code java.util.regex} matches them without its Unicode flags.
 */
final class CharClasses {

    private CharClasses() {
    }

    /** {@code \s}: space, tab, line feed, vertical tab, form feed, carriage return. */
    static boolean space(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    /** {@code [\w.\-]}, also written {@code [A-Za-z0-9_.\-]}. */
    static boolean wordDotOrDash(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.'
                || c == '-';
    }
}
