package dev.mayday.collector.config;

import dev.mayday.collector.config.CollectorOptions.IngestKeySpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns {@code --flag value} arguments (and {@code MAYDAY_TOKEN}, {@code MAYDAY_READ_TOKEN})
 * into {@link CollectorOptions}. Every mistake becomes a {@link UsageException} with one line
 * that names the flag.
 */
public final class OptionsParser {

    public static final String USAGE = "usage: java -jar mayday-collector.jar [--port 8686] [--db FILE|JDBC-URL]"
            + " [--token [APP=]KEY ...] [--read-token T] [--tls-cert PEM --tls-key PEM] [--max-report-bytes N]"
            + " [--rate-limit N] [--bind ADDR]";

    private static final Set<String> KNOWN = Set.of("--port", "--db", "--token", "--read-token", "--bind",
            "--max-report-bytes", "--rate-limit", "--tls-cert", "--tls-key");

    private OptionsParser() {
    }

    /**
     * Parses the arguments; the environment supplies {@code MAYDAY_TOKEN} (ingest keys, {@code ;}
     * between several) when no {@code --token} is given and {@code MAYDAY_READ_TOKEN} when no
     * {@code --read-token} is.
     */
    public static CollectorOptions parse(String[] args, Map<String, String> env) throws UsageException {
        CollectorOptions d = CollectorOptions.defaults();
        String bind = d.bind();
        int port = d.port();
        String db = d.db();
        List<IngestKeySpec> keys = new ArrayList<>();
        String readToken = null;
        long maxBytes = d.maxReportBytes();
        int rate = d.rateLimit();
        String tlsCert = null;
        String tlsKey = null;
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
            if (flag.equals("--ws-port")) {
                throw new UsageException("--ws-port is gone: WebSocket shares --port (ws://HOST:PORT/reports)");
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
                case "--port" -> port = (int) number(flag, value, 0, 65535);
                case "--db" -> db = nonBlank(flag, value);
                case "--token" -> keys.add(ingestKey("--token", value));
                case "--read-token" -> readToken = secret("--read-token", value);
                case "--bind" -> bind = nonBlank(flag, value);
                case "--max-report-bytes" -> maxBytes = number(flag, value, 1024, Integer.MAX_VALUE - 16);
                case "--rate-limit" -> rate = (int) number(flag, value, 0, 10_000_000);
                case "--tls-cert" -> tlsCert = nonBlank(flag, value);
                case "--tls-key" -> tlsKey = nonBlank(flag, value);
                default -> throw new UsageException("unknown flag " + flag + "; " + USAGE);
            }
        }
        if (keys.isEmpty() && !blank(env.get("MAYDAY_TOKEN"))) {
            for (String k : env.get("MAYDAY_TOKEN").split(";")) {
                if (!k.isBlank()) {
                    keys.add(ingestKey("MAYDAY_TOKEN", k.trim()));
                }
            }
        }
        if (readToken == null && !blank(env.get("MAYDAY_READ_TOKEN"))) {
            readToken = secret("MAYDAY_READ_TOKEN", env.get("MAYDAY_READ_TOKEN").trim());
        }
        for (IngestKeySpec k : keys) {
            if (k.key().equals(readToken)) {
                throw new UsageException("the read token must differ from every ingest key (--token): ingest keys ship inside programs");
            }
        }
        if ((tlsCert == null) != (tlsKey == null)) {
            throw new UsageException("--tls-cert and --tls-key go together (PEM certificate chain and its private key)");
        }
        if (db.startsWith("jdbc:") && !db.startsWith("jdbc:postgresql:") && !db.startsWith("jdbc:sqlite:")) {
            throw new UsageException("--db takes a file name, jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB, not " + db);
        }
        return new CollectorOptions(bind, port, db, keys, readToken, maxBytes, rate, tlsCert, tlsKey);
    }

    /** {@code KEY} or {@code APP=KEY}; the app is what {@code app.name} of the key's reports must say. */
    private static IngestKeySpec ingestKey(String where, String value) throws UsageException {
        int eq = value.indexOf('=');
        String app = eq > 0 ? value.substring(0, eq).trim() : null;
        String key = eq > 0 ? value.substring(eq + 1) : value;
        return new IngestKeySpec(app, secret(where, key));
    }

    private static String secret(String where, String value) throws UsageException {
        if (value.length() < CollectorOptions.MIN_TOKEN_LENGTH) {
            throw new UsageException(where + " must be at least " + CollectorOptions.MIN_TOKEN_LENGTH
                    + " characters (got " + value.length() + "); a short key can be guessed");
        }
        if (!value.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new UsageException(where + " must be printable ASCII without spaces");
        }
        return value;
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

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
