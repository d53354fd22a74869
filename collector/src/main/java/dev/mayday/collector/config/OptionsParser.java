package dev.mayday.collector.config;

import java.util.Map;

/**
 * Turns {@code --flag value} arguments (and {@code MAYDAY_TOKEN}) into {@link CollectorOptions}.
 * Every mistake becomes a {@link UsageException} with one line that names the flag.
 */
public final class OptionsParser {

    public static final String USAGE = "usage: java -jar mayday-collector.jar [--port 8686] [--ws-port 8687]"
            + " [--db FILE|JDBC-URL] [--token T] [--max-report-bytes N] [--rate-limit N] [--bind ADDR]";

    private static final java.util.Set<String> KNOWN = java.util.Set.of(
            "--port", "--ws-port", "--db", "--token", "--bind", "--max-report-bytes", "--rate-limit");

    private OptionsParser() {
    }

    /** Parses the arguments; the environment supplies {@code MAYDAY_TOKEN} when no --token is given. */
    public static CollectorOptions parse(String[] args, Map<String, String> env) throws UsageException {
        CollectorOptions d = CollectorOptions.defaults();
        String bind = d.bind();
        int port = d.httpPort();
        int wsPort = d.wsPort();
        String db = d.db();
        String token = blankToNull(env.get("MAYDAY_TOKEN"));
        long maxBytes = d.maxReportBytes();
        int rate = d.rateLimit();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            String value = null;
            int eq = flag.indexOf('=');
            if (flag.startsWith("--") && eq > 0) {
                value = flag.substring(eq + 1);
                flag = flag.substring(0, eq);
            }
            if (flag.equals("--help") || flag.equals("-h")) {
                throw new UsageException(USAGE);
            }
            if (!flag.startsWith("--")) {
                throw new UsageException("unexpected argument '" + flag + "'; " + USAGE);
            }
            if (!KNOWN.contains(flag)) {
                throw new UsageException("unknown flag " + flag + "; " + USAGE);
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new UsageException("flag " + flag + " needs a value; " + USAGE);
                }
                value = args[++i];
            }
            switch (flag) {
                case "--port" -> port = port(flag, value);
                case "--ws-port" -> wsPort = port(flag, value);
                case "--db" -> db = nonBlank(flag, value);
                case "--token" -> token = nonBlank(flag, value);
                case "--bind" -> bind = nonBlank(flag, value);
                case "--max-report-bytes" -> maxBytes = number(flag, value, 1024, Integer.MAX_VALUE - 16);
                case "--rate-limit" -> rate = (int) number(flag, value, 0, 10_000_000);
                default -> throw new UsageException("unknown flag " + flag + "; " + USAGE);
            }
        }
        if (port != 0 && port == wsPort) {
            throw new UsageException("--port and --ws-port must differ (both are " + port + ")");
        }
        if (db.startsWith("jdbc:") && !db.startsWith("jdbc:postgresql:") && !db.startsWith("jdbc:sqlite:")) {
            throw new UsageException("--db takes a file name, jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB, not " + db);
        }
        return new CollectorOptions(bind, port, wsPort, db, token, maxBytes, rate);
    }

    private static int port(String flag, String value) throws UsageException {
        return (int) number(flag, value, 0, 65535);
    }

    private static long number(String flag, String value, long min, long max) throws UsageException {
        try {
            long n = Long.parseLong(value.trim());
            if (n < min || n > max) {
                throw new UsageException(flag + " must be between " + min + " and " + max + ", not " + value);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(flag + " needs a whole number, not '" + value + "'");
        }
    }

    private static String nonBlank(String flag, String value) throws UsageException {
        if (value.isBlank()) {
            throw new UsageException(flag + " needs a non-empty value");
        }
        return value;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
