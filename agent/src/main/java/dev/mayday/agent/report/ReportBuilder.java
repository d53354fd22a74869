package dev.mayday.agent.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.mayday.agent.capture.CrashEvent;
import dev.mayday.agent.consent.UserSection;
import dev.mayday.agent.options.Option;
import dev.mayday.agent.options.Options;
import dev.mayday.bootstrap.LogRing;

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
    private volatile InAppFrames inAppFrames;

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
     * The failure's signature, with the evidence of where its frames' classes came from (looked
     * up here, on Mayday's thread, once per class and jar).
     */
    public Signature signature(Throwable failure) {
        long start = System.nanoTime();
        exceptions.learnClasses(failure);
        Signature signature = Signature.of(failure, inAppFrames());
        if (dev.mayday.agent.diag.Diagnostics.debugging()) {
            dev.mayday.agent.diag.Diagnostics.debug("signature " + signature.hash() + " of " + signature.key() + " in "
                    + (System.nanoTime() - start) / 1_000_000 + " ms");
        }
        return signature;
    }

    private InAppFrames inAppFrames() {
        InAppFrames frames = inAppFrames;
        if (frames == null) {
            AppInfo info = appInfo();
            frames = new InAppFrames(rules, options.list(Option.IN_APP), info.mainPackage, info.mainJar, locator);
            inAppFrames = frames;
        }
        return frames;
    }

    private AppInfo appInfo() {
        AppInfo info = app;
        if (info == null) {
            info = AppInfo.of(options);
            app = info;
        }
        return info;
    }

    /**
     * @param id the report's UUID
     * @param repeats occurrences held back by {@code quiet} before this one
     */
    public JsonObject build(CrashEvent event, String id, Signature signature, long repeats) {
        return build(event, id, signature, repeats, true, null, null);
    }

    /**
     * Starts reading the sections that do not depend on the failure, on a thread of their own,
     * before the failure's signature is known: for the first report of a process, when every
     * part of the report is cold and the signature itself takes tens of milliseconds. Null if no
     * thread could be started. Give it to {@link #build}; if the report is held back, it is
     * simply dropped.
     */
    public Aside readAside(CrashEvent event) {
        return Aside.start(this, event, true);
    }

    /**
     * The report, section by section: a section that cannot be read (the program's own code
     * throwing inside it, a security manager, a bug of Mayday's) is left out with a note in
     * {@code truncated}, and the rest is kept.
     *
     * @param withThreads false to leave every thread's stack out (the JVM is ending and reports
     *     wait: a dump of all threads is most of a report's time)
     * @param timings where to append each section's time in ms (debug), or null
     * @param early the sections {@link #readAside} started reading, or null to start them here
     */
    public JsonObject build(CrashEvent event, String id, Signature signature, long repeats, boolean withThreads,
                            StringBuilder timings, Aside early) {
        JsonObject report = new JsonObject();
        report.addProperty("schema", SCHEMA);
        report.addProperty("id", id);
        report.addProperty("time", IsoTime.format(event.timeMillis()));
        report.addProperty("kind", event.kind());
        report.addProperty("signature", signature.hash());
        report.addProperty("title", signature.title());
        JsonArray notes = new JsonArray();
        Sections own = new Sections();
        // What does not depend on the failure is read on a second thread meanwhile: on a first
        // report, cold, that is a third of the time (JMX's memory and runtime beans, the class
        // path, the environment). Not while the JVM ends (withThreads false): no new threads then.
        Aside aside = early != null ? early : withThreads ? Aside.start(this, event, false) : null;
        for (int i = 0; i < SECTIONS.length; i++) {
            if (i == THREADS && !withThreads) {
                own.failed[i] = "left out, the JVM was ending with reports still to write";
                continue;
            }
            if (aside == null || !ASIDE[i]) {
                own.read(this, i, event);
            }
        }
        Sections other = aside == null ? null : aside.await();
        for (int i = 0; i < SECTIONS.length; i++) {
            Sections from = aside != null && ASIDE[i] ? other : own;
            if (from == null) {
                notes.add(SECTIONS[i] + ": not read in time");
            } else if (from.parts[i] != null) {
                report.add(SECTIONS[i], from.parts[i]);
            } else if (from.failed[i] != null) {
                notes.add(SECTIONS[i] + ": " + from.failed[i]);
            }
            if (timings != null && from != null) {
                timings.append(' ').append(SECTIONS[i]).append(' ').append(from.millis[i]);
            }
        }
        JsonObject user = new JsonObject();
        // Consent is asked after the report is safe on disk; until then it is pending.
        user.addProperty("consent", initialConsent());
        report.add("user", user);
        JsonObject origin = new JsonObject();
        origin.addProperty(event.originType(), event.originPattern());
        if (event.originMethod() != null) {
            origin.addProperty("method", event.originMethod());
        }
        for (java.util.Map.Entry<String, String> d : event.originDetails().entrySet()) {
            origin.addProperty(d.getKey(), d.getValue());
        }
        report.add("origin", origin);
        report.addProperty("repeats", repeats);
        if (CrashEvent.OOM.equals(event.kind()) && !event.extras().containsKey("oom")) {
            report.add("oom", OutOfMemoryDetails.of(event.failure()));
        }
        for (java.util.Map.Entry<String, Object> extra : event.extras().entrySet()) {
            com.google.gson.JsonElement value = (com.google.gson.JsonElement) extra.getValue();
            if (extra.getKey().startsWith("origin.")) {
                origin.add(extra.getKey().substring("origin.".length()), value);
            } else {
                report.add(extra.getKey(), value);
            }
        }
        if (notes.size() > 0) {
            report.add("truncated", notes);
        }
        return report;
    }

    private static final String[] SECTIONS = {"app", "thread", "exception", "threads", "logs", "system", "properties",
        "environment"};
    private static final int THREADS = 3;
    /** The sections read aside, on a second thread: the ones that do not depend on the failure. */
    private static final boolean[] ASIDE = {true, false, false, false, false, true, true, true};
    /** How long the report waits for the sections read aside before it is written without them. */
    private static final long ASIDE_WAIT_MILLIS = 3000;

    /**
     * Sections as they were read: each one's JSON, or why it could not be read (the program's own
     * code throwing inside it, a security manager, a bug of Mayday's), and its time in ms.
     */
    private static final class Sections {
        final JsonElement[] parts = new JsonElement[SECTIONS.length];
        final String[] failed = new String[SECTIONS.length];
        final long[] millis = new long[SECTIONS.length];

        void read(ReportBuilder builder, int i, CrashEvent event) {
            long start = System.nanoTime();
            try {
                parts[i] = builder.section(i, event);
            } catch (Throwable e) {
                failed[i] = "could not be read (" + SafeThrowable.cut(e.getClass().getName() + ": "
                        + SafeThrowable.message(e)) + ")";
            }
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
    }

    /** The {@link #ASIDE} sections, read on a thread of their own. */
    public static final class Aside implements Runnable {
        private final ReportBuilder builder;
        private final CrashEvent event;
        /** True when the thread bean is still cold (the first report): see {@link #readFailingThread}. */
        private final boolean linksThreadBean;
        private final Sections sections = new Sections();
        private final java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);

        private Aside(ReportBuilder builder, CrashEvent event, boolean linksThreadBean) {
            this.builder = builder;
            this.event = event;
            this.linksThreadBean = linksThreadBean;
        }

        /** The started reader, or null if no thread could be started (then all is read here). */
        static Aside start(ReportBuilder builder, CrashEvent event, boolean linksThreadBean) {
            try {
                Aside aside = new Aside(builder, event, linksThreadBean);
                dev.mayday.agent.capture.MaydayThreads.newThread("mayday-report-aside", 4L * 1024 * 1024, aside, null)
                        .start();
                return aside;
            } catch (Throwable e) {
                return null; // no memory, or no threads allowed
            }
        }

        @Override
        public void run() {
            try {
                if (linksThreadBean) {
                    readFailingThread();
                }
                for (int i = 0; i < SECTIONS.length; i++) {
                    if (ASIDE[i]) {
                        sections.read(builder, i, event);
                    }
                }
            } finally {
                done.countDown();
            }
        }

        /**
         * The failing thread, which waits for its report, once through the thread bean: that links
         * the bean and the JDK's own code for a waiting thread's lock (its first string
         * concatenation bootstraps, about 10 ms) here, beside the signature, rather than in the
         * dump of every thread that follows it on the reporter's thread. Nothing is kept.
         */
        private void readFailingThread() {
            try {
                Thread failing = event.thread();
                if (failing != null) {
                    PlatformBeans.threads().getThreadInfo(threadId(failing), 1);
                }
            } catch (Throwable e) {
                // the dump itself says what is wrong, if anything is
            }
        }

        /** The sections, or null if they were not read in time. */
        Sections await() {
            boolean interrupted = false;
            long deadline = System.nanoTime() + ASIDE_WAIT_MILLIS * 1_000_000L;
            try {
                while (true) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return done.getCount() == 0 ? sections : null;
                    }
                    try {
                        return done.await(left, java.util.concurrent.TimeUnit.NANOSECONDS) ? sections : null;
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    // A switch rather than lambdas: the first lambda of a JVM costs its bootstrap, on the first report.
    private JsonElement section(int which, CrashEvent event) {
        switch (which) {
            case 0:
                return app();
            case 1:
                return thread(event.thread());
            case 2:
                return exceptions.toJson(event.failure());
            case 3:
                return threads.toJson(event.thread() == null ? -1 : threadId(event.thread()));
            case 4:
                return logs.toJson(LogRing.current());
            case 5:
                return system.system();
            case 6:
                return system.properties();
            default:
                return system.environment();
        }
    }

    /**
     * The report written when even the sections above could not be put together (no memory
     * left): still a report the program delivers ({@code app}, {@code user}), with the failure
     * as text.
     */
    public byte[] minimal(CrashEvent event, String id, String signature, String title, Throwable whyMinimal) {
        String name = "unknown";
        String version = "unknown";
        String mainClass = null;
        try {
            AppInfo info = app;
            if (info == null) {
                info = AppInfo.of(options);
                app = info;
            }
            name = info.name;
            version = info.version;
            mainClass = info.mainClass;
        } catch (Throwable e) {
            // the name stays unknown: the report is still delivered
        }
        String consent;
        try {
            consent = initialConsent();
        } catch (Throwable e) {
            consent = UserSection.PENDING;
        }
        return MinimalReport.build(id, event.timeMillis(), event.kind(), signature, title, event.failure(), whyMinimal,
                new MinimalReport.App(name, version, mainClass, ProcessId.current(), agentVersion),
                event.thread(), consent);
    }

    /** {@code getId()} is not final before JDK 19's {@code threadId()}: a subclass may throw. */
    static long threadId(Thread t) {
        try {
            return t.getId();
        } catch (Throwable e) {
            return -1;
        }
    }

    /**
     * The small record of occurrences {@code quiet} held back that no report carried before the
     * JVM ended (kind {@code repeats}): the collector adds {@code repeats} to the group of
     * {@code signature} and shows it as no report of its own.
     *
     * @param repeatsOf the id of the last report written for the signature, or null
     * @param consent the consent that report has now, or null for the options' initial one
     */
    public JsonObject repeatsRecord(String id, long timeMillis, String signature, String title, long repeats,
                                    String repeatsOf, String consent) {
        JsonObject record = new JsonObject();
        record.addProperty("schema", SCHEMA);
        record.addProperty("id", id);
        record.addProperty("time", IsoTime.format(timeMillis));
        record.addProperty("kind", "repeats");
        record.addProperty("signature", signature);
        record.addProperty("title", title);
        record.add("app", app());
        JsonObject sys = new JsonObject();
        sys.addProperty("machineId", MachineId.get());
        record.add("system", sys);
        JsonObject user = new JsonObject();
        user.addProperty("consent", consent != null ? consent : initialConsent());
        record.add("user", user);
        JsonObject origin = new JsonObject();
        origin.addProperty("quiet", options.get(Option.QUIET));
        record.add("origin", origin);
        record.addProperty("repeats", repeats);
        if (repeatsOf != null) {
            record.addProperty("repeatsOf", repeatsOf);
        }
        return record;
    }

    private JsonObject app() {
        AppInfo info = appInfo();
        JsonObject json = new JsonObject();
        json.addProperty("name", info.name);
        json.addProperty("version", info.version);
        json.addProperty("mainClass", info.mainClass);
        json.addProperty("pid", ProcessId.current());
        java.lang.management.RuntimeMXBean runtime = PlatformBeans.runtime();
        json.addProperty("startTime", IsoTime.format(runtime.getStartTime()));
        json.addProperty("uptimeMs", runtime.getUptime());
        json.addProperty("agentVersion", agentVersion);
        return json;
    }

    private static JsonObject thread(Thread thread) {
        JsonObject json = new JsonObject();
        if (thread == null) {
            return json;
        }
        json.addProperty("name", thread.getName());
        json.addProperty("id", threadId(thread));
        json.addProperty("daemon", thread.isDaemon());
        json.addProperty("virtual", VirtualThreads.isVirtual(thread));
        return json;
    }
}
