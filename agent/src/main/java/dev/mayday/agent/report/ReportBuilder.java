package dev.mayday.agent.report;

import com.google.gson.JsonObject;
import dev.mayday.agent.capture.CrashEvent;
import dev.mayday.agent.consent.UserSection;
import dev.mayday.agent.options.Option;
import dev.mayday.agent.options.Options;
import dev.mayday.bootstrap.LogRing;
import java.lang.management.ManagementFactory;
import java.time.Instant;

/** Builds the whole report of the SPEC for one failure, as a JSON tree. */
public final class ReportBuilder {

    public static final String SCHEMA = "mayday/1";

    private final Options options;
    private final String agentVersion;
    private final FrameRules rules;
    private final ExceptionJson exceptions;
    private final FrameLocator locator;
    private final ThreadsJson threads;
    private final LogsJson logs = new LogsJson();
    private final SystemJson system;
    private volatile AppInfo app;

    public ReportBuilder(Options options, String agentVersion, FrameRules rules, FrameLocator locator) {
        this.options = options;
        this.agentVersion = agentVersion;
        this.rules = rules;
        this.exceptions = new ExceptionJson(locator);
        this.locator = locator;
        this.threads = new ThreadsJson(new ExceptionJson(null));
        this.system = new SystemJson(new Redactor(options.redact()), options.flag(Option.HOSTNAME));
    }

    /** Until the person is asked (consent=ask), the report says so. */
    private String initialConsent() {
        switch (options.consent()) {
            case ALWAYS:
                return UserSection.ALWAYS;
            case NEVER:
                return UserSection.NEVER;
            default:
                return UserSection.PENDING;
        }
    }

    public FrameRules rules() {
        return rules;
    }

    /**
     * Formats a few thousand {0}-style records: the warm-up report may find the log ring empty,
     * and a thousand records are the hot loop of every later report, which should not run
     * interpreted the first time.
     */
    public void warmUpLogFormatting() {
        locator.warmUp();
        for (int i = 0; i < 3000; i++) {
            IsoTime.format(i * 1_000_003L);
            logs.message(new dev.mayday.bootstrap.LogEntry(i, "INFO", "warm-up", "warm-up", "warm-up {0} of {1}",
                    new Object[] {i, 1000L}, null));
        }
    }

    /**
     * @param id the report's UUID
     * @param repeats occurrences held back by {@code quiet} before this one
     */
    public JsonObject build(CrashEvent event, String id, Signature signature, long repeats) {
        JsonObject report = new JsonObject();
        report.addProperty("schema", SCHEMA);
        report.addProperty("id", id);
        report.addProperty("time", IsoTime.format(event.timeMillis()));
        report.addProperty("kind", event.kind());
        report.addProperty("signature", signature.hash());
        report.addProperty("title", signature.title());
        report.add("app", app());
        report.add("thread", thread(event.thread()));
        report.add("exception", exceptions.toJson(event.failure()));
        report.add("threads", threads.toJson(event.thread() == null ? -1 : event.thread().getId()));
        report.add("logs", logs.toJson(LogRing.current()));
        report.add("system", system.system());
        report.add("properties", system.properties());
        report.add("environment", system.environment());
        JsonObject user = new JsonObject();
        // Consent is asked after the report is safe on disk; until then it is pending.
        user.addProperty("consent", initialConsent());
        report.add("user", user);
        JsonObject origin = new JsonObject();
        origin.addProperty(event.originType(), event.originPattern());
        if (event.originMethod() != null) {
            origin.addProperty("method", event.originMethod());
        }
        String[] details = event.originDetails();
        for (int i = 0; i + 1 < details.length; i += 2) {
            if (details[i + 1] != null) {
                origin.addProperty(details[i], details[i + 1]);
            }
        }
        report.add("origin", origin);
        report.addProperty("repeats", repeats);
        return report;
    }

    private JsonObject app() {
        AppInfo info = app;
        if (info == null) {
            info = AppInfo.of(options);
            app = info;
        }
        JsonObject json = new JsonObject();
        json.addProperty("name", info.name);
        json.addProperty("version", info.version);
        json.addProperty("mainClass", info.mainClass);
        json.addProperty("pid", ProcessHandle.current().pid());
        long start = ManagementFactory.getRuntimeMXBean().getStartTime();
        json.addProperty("startTime", Instant.ofEpochMilli(start).toString());
        json.addProperty("uptimeMs", ManagementFactory.getRuntimeMXBean().getUptime());
        json.addProperty("agentVersion", agentVersion);
        return json;
    }

    private static JsonObject thread(Thread thread) {
        JsonObject json = new JsonObject();
        if (thread == null) {
            return json;
        }
        json.addProperty("name", thread.getName());
        json.addProperty("id", thread.getId());
        json.addProperty("daemon", thread.isDaemon());
        json.addProperty("virtual", VirtualThreads.isVirtual(thread));
        return json;
    }
}
