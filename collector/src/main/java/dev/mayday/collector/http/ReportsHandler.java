package dev.mayday.collector.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.mayday.collector.store.ReportStore;
import dev.mayday.collector.store.StoreException;

import java.io.IOException;
import java.util.Optional;

/** {@code /api/reports}: POST goes to ingest, {@code GET /api/reports/{id}} returns the report as sent. */
final class ReportsHandler implements HttpHandler {

    private final ReportStore store;
    private final HttpHandler ingest;

    ReportsHandler(ReportStore store, HttpHandler ingest) {
        this.store = store;
        this.ingest = ingest;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        String id = Exchanges.rest(ex, "/api/reports");
        if (id.isEmpty()) {
            ingest.handle(ex);
            return;
        }
        if (!"GET".equals(ex.getRequestMethod())) {
            Exchanges.error(ex, 405, "use GET to read a report, POST /api/reports to send one");
            return;
        }
        try {
            Optional<byte[]> body = store.reportBody(id);
            if (body.isEmpty()) {
                Exchanges.error(ex, 404, "no report with id " + id);
                return;
            }
            Exchanges.bytes(ex, 200, "application/json; charset=utf-8", body.get());
        } catch (StoreException e) {
            Exchanges.error(ex, 503, "database unavailable: " + e.getMessage());
        }
    }
}
