package dev.mayday.collector.http;

import dev.mayday.collector.store.ReportStore;
import dev.mayday.collector.store.StoreException;

import java.util.Optional;

/** {@code GET /api/reports/{id}}: the report byte for byte as it was sent. */
final class ReportEndpoint implements Endpoint {

    private final ReportStore store;

    ReportEndpoint(ReportStore store) {
        this.store = store;
    }

    @Override
    public void handle(Exchange ex) {
        String id = ex.rest();
        if (id.isEmpty()) {
            ex.addHeader("Allow", "POST");
            ex.error(405, "use POST /api/reports to send a report, GET /api/reports/{id} to read one");
            return;
        }
        try {
            Optional<byte[]> body = store.reportBody(id);
            if (body.isEmpty()) {
                ex.error(404, "no report with id " + id);
                return;
            }
            ex.bytes(200, "application/json; charset=utf-8", body.get());
        } catch (StoreException e) {
            ex.error(503, "database unavailable: " + e.getMessage());
        }
    }
}
