package dev.mayday.collector.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Every HTTP route of the collector, in one place, each with who may call it. The WebSocket
 * paths ({@code /reports}, {@code /live}) are in {@link dev.mayday.collector.ws.WebSocketGateway}.
 * A new endpoint is one more line in {@link #standard}.
 */
public final class Routes {

    private final List<Route> routes = new ArrayList<>();

    /** The collector's API and dashboard. */
    public static Routes standard(Endpoints e) {
        return new Routes()
                .add(Set.of("POST"), "/api/reports", false, Access.INGEST, e.ingest())
                .add(Set.of("GET", "HEAD"), "/api/reports", true, Access.READ, e.report())
                .add(Set.of("GET", "HEAD"), "/api/groups", true, Access.READ, e.groups())
                .add(Set.of("GET", "HEAD", "POST"), dev.mayday.collector.group.GroupEdits.PATH, true, Access.READ,
                        e.groupEdits())
                .add(Set.of("GET", "HEAD"), "/api/info", false, Access.READ, e.info())
                .add(Set.of("POST", "DELETE"), "/api/session", false, Access.PUBLIC, e.session())
                .add(Set.of("GET", "HEAD"), "/", true, Access.PUBLIC, e.files());
    }

    public Routes add(Set<String> methods, String path, boolean below, Access access, Endpoint endpoint) {
        routes.add(new Route(methods, path, below, access, endpoint));
        return this;
    }

    /** The routes in the order they are tried: the first whose path matches wins. */
    List<Route> all() {
        return routes;
    }

    /**
     * What {@link #standard} needs.
     *
     * @param ingest  {@code POST /api/reports}
     * @param report  {@code GET /api/reports/{id}}
     * @param groups  {@code GET /api/groups[/{signature}]}
     * @param info    {@code GET /api/info}
     * @param session {@code POST|DELETE /api/session}
     * @param files   the dashboard's files
     * @param groupEdits {@code GET|POST /api/group-edits[/merge|/split]}
     */
    public record Endpoints(Endpoint ingest, Endpoint report, Endpoint groups, Endpoint info, Endpoint session,
                            Endpoint files, Endpoint groupEdits) {
    }
}
