package dev.mayday.collector;

import dev.mayday.collector.config.CollectorOptions;
import dev.mayday.collector.config.OptionsParser;
import dev.mayday.collector.config.UsageException;

import java.net.BindException;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar mayday-collector.jar [flags]}. Exit codes: 2 for a bad command line,
 * 1 when the collector cannot start (port taken, database unreachable).
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
        System.out.println("Mayday collector listening");
        System.out.println("  dashboard and API: http://" + host + ":" + collector.httpPort() + "/");
        System.out.println("  WebSocket ingest:  ws://" + host + ":" + collector.wsPort() + "/reports");
        System.out.println("  storage:           " + collector.describeStore());
        if (options.token() == null) {
            System.out.println("  no token given (--token or MAYDAY_TOKEN); generated token: " + collector.token());
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
        if (t instanceof BindException) {
            String why = String.valueOf(t.getMessage());
            if (why.contains("in use")) {
                return "a port is in use (--port " + o.httpPort() + ", --ws-port " + o.wsPort() + "): " + why;
            }
            return "cannot listen on " + o.bind() + " (--bind): " + why;
        }
        return t.getMessage() != null ? t.getMessage() : t.toString();
    }
}
