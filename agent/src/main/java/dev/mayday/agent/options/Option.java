package dev.mayday.agent.options;

/**
 * Every option of the SPEC, with its default and what values it takes. The names are the public
 * interface: agent arguments, {@code -Dmayday.KEY}, {@code MAYDAY_KEY} and the config file all
 * use them. {@link #built} is false for options whose behaviour no release has built yet: they
 * are accepted and checked, and do nothing (the README says so).
 */
public enum Option {
    APP("app", null, Kind.TEXT, false, true),
    VERSION("version", null, Kind.TEXT, false, true),
    MAIN_LOOP("mainLoop", null, Kind.MAIN_LOOP_PATTERN, true, true),
    ON_CRASH("onCrash", "exit", Kind.choice("exit", "rethrow", "continue"), false, true),
    EXIT_CODE("exitCode", "70", Kind.range(0, 255), false, true),
    UNCAUGHT("uncaught", "report", Kind.choice("report", "exit", "off"), false, true),
    SWALLOWED("swallowed", "report", Kind.choice("report", "off"), false, true),
    HANG("hang", "0", Kind.range(0, 86_400), false, true),
    LOGGED("logged", "error", Kind.choice("error", "warn", "off"), false, true),
    CONSENT("consent", "ask", Kind.choice("ask", "always", "never"), false, true),
    OUTBOX("outbox", "~/.mayday/outbox", Kind.TEXT, false, true),
    SEND("send", null, Kind.DESTINATION, true, true),
    QUIET("quiet", "600", Kind.range(0, 31_536_000), false, true),
    TOKEN("token", null, Kind.TEXT, false, true),
    IN_APP("inApp", null, Kind.TEXT, true, true),
    LOG_BUFFER("logBuffer", "1000", Kind.range(1, 1_000_000), false, true),
    LOG_CAPTURE("logCapture", "jul:logback:log4j2:stdout:stderr",
            Kind.colonList("jul", "logback", "log4j2", "stdout", "stderr"), false, true),
    REDACT("redact", null, Kind.REGEX, false, true),
    HOSTNAME("hostname", "false", Kind.BOOLEAN, false, true),
    DEBUG("debug", "false", Kind.BOOLEAN, false, true),
    CONFIG("config", null, Kind.TEXT, false, true);

    private final String key;
    private final String defaultValue;
    private final Kind kind;
    private final boolean list;
    private final boolean built;

    Option(String key, String defaultValue, Kind kind, boolean list, boolean built) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.kind = kind;
        this.list = list;
        this.built = built;
    }

    /** The name used in agent arguments, system properties ({@code mayday.KEY}) and config files. */
    public String key() {
        return key;
    }

    /** The environment variable: {@code MAYDAY_} and the key in upper case, camelCase split by {@code _}. */
    public String environmentName() {
        StringBuilder name = new StringBuilder("MAYDAY_");
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isUpperCase(c)) {
                name.append('_');
            }
            name.append(Character.toUpperCase(c));
        }
        return name.toString();
    }

    public String defaultValue() {
        return defaultValue;
    }

    Kind kind() {
        return kind;
    }

    /** True if the option may be given several times (in one source) and keeps every value. */
    public boolean isList() {
        return list;
    }

    /** False while the option is accepted but its behaviour is not built yet. */
    public boolean isBuilt() {
        return built;
    }

    /** The option with this key, or null. */
    public static Option byKey(String key) {
        for (Option o : values()) {
            if (o.key.equals(key)) {
                return o;
            }
        }
        return null;
    }

    /** Every key, comma separated, for error messages. */
    public static String allKeys() {
        StringBuilder s = new StringBuilder();
        for (Option o : values()) {
            if (s.length() > 0) {
                s.append(", ");
            }
            s.append(o.key);
        }
        return s.toString();
    }
}
