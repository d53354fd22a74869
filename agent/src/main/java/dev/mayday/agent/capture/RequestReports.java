package dev.mayday.agent.capture;

import dev.mayday.agent.report.Redactor;
import dev.mayday.bootstrap.RequestSink;
import java.util.regex.Pattern;

/**
 * Failures a server caught at its request boundary (kind {@code request}), as woven code hands them
 * over through {@code RequestFailures}: the request is named by its method and path (no query
 * string, path parameters such as {@code ;jsessionid=} left out, a segment after one named like a
 * secret redacted), and the {@link CrashHandler} reports it once per exception object. The server
 * answers and goes on as it would have; {@code onCrash} does not apply.
 */
public final class RequestReports implements RequestSink {

    private static final int MAX_PATH = 512;

    private final CrashHandler handler;
    private final Pattern extraSecrets;
    private volatile Redactor redactor;

    /** @param extraSecrets the {@code redact} option, or null; compiled into a Redactor at the first failure, not in premain */
    public RequestReports(CrashHandler handler, Pattern extraSecrets) {
        this.handler = handler;
        this.extraSecrets = extraSecrets;
    }

    private Redactor redactor() {
        Redactor r = redactor;
        if (r == null) {
            r = new Redactor(extraSecrets);
            redactor = r;
        }
        return r;
    }

    @Override
    public void requestFailed(Throwable failure, String server, String method, String path) {
        String request = method == null && path == null ? "pipeline tail" : requestLine(method, path);
        handler.requestFailed(failure, request, server);
    }

    /** {@code GET /orders/42}: what the report's {@code origin.request} says. */
    String requestLine(String method, String path) {
        return (method == null ? "?" : method) + " " + (path == null ? "?" : cleanPath(path));
    }

    /** The path without query, fragment and path parameters, secrets redacted, at most 512 characters. */
    String cleanPath(String path) {
        int end = path.length();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '?' || c == '#') {
                end = i;
                break;
            }
        }
        StringBuilder out = new StringBuilder(Math.min(end, MAX_PATH) + 16);
        boolean secretBefore = false;
        int start = 0;
        while (start <= end) {
            int slash = path.indexOf('/', start);
            int segmentEnd = slash < 0 || slash > end ? end : slash;
            String segment = path.substring(start, segmentEnd);
            int semicolon = segment.indexOf(';');
            if (semicolon >= 0) {
                segment = segment.substring(0, semicolon); // ;jsessionid=..., matrix parameters
            }
            if (secretBefore && !segment.isEmpty()) {
                out.append(Redactor.REDACTED);
                secretBefore = false;
            } else {
                out.append(segment);
                secretBefore = !segment.isEmpty() && redactor().isSecret(segment);
            }
            if (segmentEnd == end) {
                break;
            }
            out.append('/');
            start = segmentEnd + 1;
        }
        return out.length() > MAX_PATH ? out.substring(0, MAX_PATH) + "..." : out.toString();
    }
}
