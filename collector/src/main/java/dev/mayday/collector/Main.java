package dev.mayday.collector;

import dev.mayday.collector.config.CollectorOptions;
import dev.mayday.collector.config.OptionsParser;
import dev.mayday.collector.config.UsageException;

import java.io.IOException;
import java.net.BindException;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar mayday-collector.jar [flags]}. Exit codes: 2 for a bad command line,
 * 1 when the collector cannot start (port taken, database unreachable, TLS files unreadable).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        CollectorOptions options;
        try {
            options = OptionsParser.parse(args, System.getenv());
        } catch (UsageException e) {
            System.err.println("mayday-collector: " + e.getMessage());
            System.exit(2);
            return;
        }
        Collector collector;
        try {
            collector = Collector.start(options);
        } catch (Exception e) {
            System.err.println("mayday-collector: cannot start: " + describe(e, options));
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            collector.close();
            stopped.countDown();
        }, "mayday-shutdown"));
        String host = options.bind();
        String http = collector.tls() ? "https" : "http";
        String ws = collector.tls() ? "wss" : "ws";
        System.out.println("Mayday collector listening");
        System.out.println("  dashboard and API: " + http + "://" + host + ":" + collector.port() + "/");
        System.out.println("  WebSocket ingest:  " + ws + "://" + host + ":" + collector.port() + "/reports");
        System.out.println("  storage:           " + collector.describeStore());
        if (collector.generatedIngestKey() != null) {
            System.out.println("  no ingest key given (--token or MAYDAY_TOKEN); generated ingest key: "
                    + collector.generatedIngestKey());
        }
        if (collector.readTokenGenerated()) {
            System.out.println("  no read token given (--read-token or MAYDAY_READ_TOKEN); generated read token: "
                    + collector.readToken());
        }
        System.out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String describe(Exception e, CollectorOptions o) {
        Throwable t = e;
        while (t.getCause() != null && t.getMessage() == null) {
            t = t.getCause();
        }
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof BindException) {
                String why = String.valueOf(c.getMessage());
                if (why.contains("in use")) {
                    return "the port is in use (--port " + o.port() + "): " + why;
                }
                return "cannot listen on " + o.bind() + " (--bind): " + why;
            }
        }
        if (t instanceof IOException && t.getMessage() != null && t.getMessage().startsWith("--tls")) {
            return t.getMessage();
        }
        return t.getMessage() != null ? t.getMessage() : t.toString();
    }
}
