package dev.mayday.agent.report;

/**
 * SLF4J's and Log4j2's message formatting: each {@code {}} takes the next parameter;
 * {@code \{}} is a literal {@code {}}, {@code \\{}} a backslash followed by the parameter.
 * Parameters beyond the placeholders are left out (the frameworks treat a trailing Throwable as the
 * record's exception, which the entry already holds).
 */
final class BraceFormat {

    private BraceFormat() {
    }

    static String format(String pattern, Object[] params, int maxChars) {
        StringBuilder out = new StringBuilder(pattern.length() + 16 * params.length);
        int next = 0;
        int i = 0;
        int n = pattern.length();
        while (i < n && out.length() < maxChars) {
            char c = pattern.charAt(i);
            if (c == '{' && i + 1 < n && pattern.charAt(i + 1) == '}' && next < params.length) {
                int backslashes = 0;
                for (int j = out.length() - 1; j >= 0 && out.charAt(j) == '\\'; j--) {
                    backslashes++;
                }
                if (backslashes % 2 == 1) {
                    out.setLength(out.length() - 1); // escaped: a literal {}
                    out.append("{}");
                } else {
                    if (backslashes > 0) {
                        out.setLength(out.length() - 1); // \\{}: one backslash, then the parameter
                    }
                    out.append(params[next++]);
                }
                i += 2;
                continue;
            }
            out.append(c);
            i++;
        }
        return out.length() > maxChars ? out.substring(0, maxChars) : out.toString();
    }
}
