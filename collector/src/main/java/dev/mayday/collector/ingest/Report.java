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
 */
public record Report(String id, String signature, String title, String kind, long timeMs,
                     String appName, String version, String machineId, String comment, byte[] body, byte[] stored) {
}
