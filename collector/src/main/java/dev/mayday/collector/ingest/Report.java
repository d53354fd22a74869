package dev.mayday.collector.ingest;

/**
 * A report that passed validation: the few fields the collector indexes, and the body
 * exactly as it was sent (UTF-8 JSON), which is what {@code GET /api/reports/{id}} returns.
 *
 * @param timeMs    the crash time from the report, epoch milliseconds
 * @param appName   {@code app.name}, or null
 * @param version   {@code app.version}, or null
 * @param machineId {@code system.machineId}, or null
 * @param comment   {@code user.comment}, or null
 * @param stored    the body as the store keeps it ({@link dev.mayday.collector.store.BodyCodec}),
 *                  prepared on the ingest thread so the single database writer does less
 * @param repeats   {@code repeats}: occurrences the agent's {@code quiet} held back, which the
 *                  group counts beside its reports; a report of kind {@code repeats} is only that
 */
public record Report(String id, String signature, String title, String kind, long timeMs,
                     String appName, String version, String machineId, String comment, byte[] body, byte[] stored,
                     long repeats) {

    /** The kind of the small record an agent writes when the JVM ends with repeats no report carried. */
    public static final String REPEATS_KIND = "repeats";

    public Report(String id, String signature, String title, String kind, long timeMs, String appName, String version,
                  String machineId, String comment, byte[] body, byte[] stored) {
        this(id, signature, title, kind, timeMs, appName, version, machineId, comment, body, stored, 0);
    }

    /** True for a repeats record: counted into its group's repeats, not shown as a report. */
    public boolean isRepeatsRecord() {
        return REPEATS_KIND.equals(kind);
    }
}
