package dev.mayday.collector.http;

import dev.mayday.collector.group.GroupEdits;
import dev.mayday.collector.store.ReportStore;

import java.io.InputStream;

/** {@link GroupEdits} (merge and split) on the collector's server: reads at most a small body, answers JSON. */
final class GroupEditsEndpoint implements Endpoint {

    private final GroupEdits edits;

    GroupEditsEndpoint(ReportStore store) {
        this.edits = new GroupEdits(store);
    }

    @Override
    public void handle(Exchange ex) throws Exception {
        byte[] body = new byte[0];
        if ("POST".equals(ex.method())) {
            try (InputStream in = ex.body()) {
                body = in.readNBytes(GroupEdits.MAX_BODY + 1);
            }
        }
        GroupEdits.Answer answer = edits.handle(ex.method(), ex.rest(), ex.header("Content-Type"), body);
        ex.json(answer.status(), answer.body());
    }
}
