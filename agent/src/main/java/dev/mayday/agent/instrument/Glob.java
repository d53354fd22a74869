package dev.mayday.agent.instrument;

/** A pattern where {@code *} stands for any run of characters (dots included), matched whole. */
public final class Glob {

    private final String pattern;

    public Glob(String pattern) {
        this.pattern = pattern;
    }

    /** Whether {@code text} matches the whole pattern. */
    public boolean matches(String text) {
        return match(pattern, 0, text, 0);
    }

    // Iterative matching with one backtrack point: linear for the usual patterns.
    private static boolean match(String p, int pi, String t, int ti) {
        int star = -1;
        int mark = 0;
        while (ti < t.length()) {
            if (pi < p.length() && p.charAt(pi) == '*') {
                star = pi++;
                mark = ti;
            } else if (pi < p.length() && p.charAt(pi) == t.charAt(ti)) {
                pi++;
                ti++;
            } else if (star >= 0) {
                pi = star + 1;
                ti = ++mark;
            } else {
                return false;
            }
        }
        while (pi < p.length() && p.charAt(pi) == '*') {
            pi++;
        }
        return pi == p.length();
    }
}
