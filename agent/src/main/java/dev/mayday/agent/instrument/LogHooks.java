package dev.mayday.agent.instrument;

/**
 * The logging framework methods Mayday weaves, by class name, in whatever class loader loads them
 * (an application server or a plugin system may hold several copies). Knows no ASM: the
 * transformer asks {@link #target} for every class, and only a match loads the weaver.
 */
final class LogHooks {

    /** A framework method where every enabled event passes once. */
    enum Target {
        /** Logback: {@code Logger.callAppenders(ILoggingEvent)}, after the level check and turbo filters. */
        LOGBACK("ch/qos/logback/classic/Logger", "callAppenders", "(Lch/qos/logback/classic/spi/ILoggingEvent;)V"),
        /** Log4j2: {@code LoggerConfig.log(LogEvent, LoggerConfigPredicate)}, after the logger's level check. */
        LOG4J2("org/apache/logging/log4j/core/config/LoggerConfig", "log",
                "(Lorg/apache/logging/log4j/core/LogEvent;"
                        + "Lorg/apache/logging/log4j/core/config/LoggerConfig$LoggerConfigPredicate;)V");

        final String className;
        final String method;
        final String descriptor;

        Target(String className, String method, String descriptor) {
            this.className = className;
            this.method = method;
            this.descriptor = descriptor;
        }
    }

    private final boolean logback;
    private final boolean log4j2;
    private final boolean jboss;

    LogHooks(boolean logback, boolean log4j2, boolean jboss) {
        this.logback = logback;
        this.log4j2 = log4j2;
        this.jboss = jboss;
    }

    /** JBoss LogManager's loggers count as java.util.logging ({@code logCapture} item {@code jul}). */
    boolean jboss() {
        return jboss;
    }

    /**
     * True for java.util.logging handlers that hand records on to Logback or Log4j2 (jul-to-slf4j,
     * log4j-jul): from then on java.util.logging's hook tells the others which record it kept.
     */
    static boolean isJulBridge(String className) {
        return className.equals("org/slf4j/bridge/SLF4JBridgeHandler")
                || className.equals("org/apache/logging/log4j/jul/Log4jBridgeHandler");
    }

    /** The hook for this class, or null (most classes: two string comparisons at most). */
    Target target(String className) {
        if (logback && className.equals(Target.LOGBACK.className)) {
            return Target.LOGBACK;
        }
        if (log4j2 && className.equals(Target.LOG4J2.className)) {
            return Target.LOG4J2;
        }
        return null;
    }
}
