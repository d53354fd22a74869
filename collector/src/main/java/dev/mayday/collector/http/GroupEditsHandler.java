package dev.mayday.collector.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.mayday.collector.group.GroupEdits;
import dev.mayday.collector.store.ReportStore;

import java.io.IOException;
import java.io.InputStream;

/** {@link GroupEdits} on the JDK's server: reads at most a small body, answers JSON. */
final class GroupEditsHandler implements HttpHandler {

    private final GroupEdits edits;

    GroupEditsHandler(ReportStore store) {
        this.edits = new GroupEdits(store);
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readNBytes(GroupEdits.MAX_BODY + 1);
        }
        GroupEdits.Answer answer = edits.handle(ex.getRequestMethod(), Exchanges.rest(ex, GroupEdits.PATH),
                ex.getRequestHeaders().getFirst("Content-Type"), body);
        Exchanges.json(ex, answer.status(), answer.body());
    }
}
