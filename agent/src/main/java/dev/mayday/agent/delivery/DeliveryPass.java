package dev.mayday.agent.delivery;

import com.google.gson.JsonObject;
import dev.mayday.agent.consent.UserSection;
import dev.mayday.agent.outbox.DeliveryLock;
import dev.mayday.agent.outbox.Outbox;
import dev.mayday.agent.transport.Destination;
import dev.mayday.agent.transport.Destinations;
import dev.mayday.agent.transport.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One walk through the outbox: every waiting report that {@link Clearance} lets go is offered
 * to every destination. Acknowledged by all: moved to {@code sent/}. Refused as bad by one:
 * moved to {@code rejected/} with the reason. Otherwise it stays for the next pass. A destination
 * that fails (down, wrong token, no answer in time) is not tried again in the same pass; one that
 * fails a single report (a 5xx for it) gets the next ones, so one bad report never blocks those
 * behind it.
 *
 * <p>Destinations are sent the same report again when another one failed before; a collector
 * treats a second delivery of an id as the same report, so this never counts a crash twice.
 */
public final class DeliveryPass {

    private final Outbox outbox;
    private final List<String> destinations;
    private final String token;
    private final String onlyApp;
    /** Destination → reports it failed one after the other in this pass. */
    private final Map<String, Integer> reportFailures = new LinkedHashMap<String, Integer>();

    /** After this many reports failed in a row at one destination, it counts as down for the pass. */
    static final int MAX_REPORT_FAILURES_IN_A_ROW = 3;

    /**
     * @param onlyApp deliver only reports whose {@code app.name} is this (an outbox shared by several
     *     programs holds reports meant for other collectors); null for every report
     */
    public DeliveryPass(Outbox outbox, List<String> destinations, String token, String onlyApp) {
        this.outbox = outbox;
        this.destinations = destinations;
        this.token = token;
        this.onlyApp = onlyApp;
    }

    /** Runs the pass; returns null when another process is delivering from this outbox now. */
    public Result run(Clearance clearance) throws IOException {
        try (DeliveryLock lock = DeliveryLock.tryAcquire(outbox.directory())) {
            if (lock == null) {
                return null;
            }
            return deliverAll(clearance);
        }
    }

    private Result deliverAll(Clearance clearance) {
        Result result = new Result();
        List<Destination> open = Destinations.open(destinations, token);
        try {
            for (Path report : outbox.waiting()) {
                if (result.down.size() == open.size()) {
                    result.kept++;
                    continue;
                }
                deliverOne(report, clearance, open, result);
            }
        } finally {
            for (Destination d : open) {
                d.close();
            }
        }
        return result;
    }

    private void deliverOne(Path report, Clearance clearance, List<Destination> open, Result result) {
        byte[] json;
        JsonObject parsed;
        try {
            json = Files.readAllBytes(report);
            parsed = UserSection.parse(json);
        } catch (NoSuchFileException gone) {
            return; // sent or dropped by someone else meanwhile
        } catch (IOException e) {
            result.problem("cannot read " + report + " (" + e + ")");
            result.kept++;
            return;
        } catch (RuntimeException notJson) {
            reject(report, "not a JSON report (" + notJson.getMessage() + ")", result);
            return;
        }
        if (onlyApp != null && !onlyApp.equals(UserSection.appName(parsed, null))) {
            return; // another program's report: its own agent (or `send`) delivers it
        }
        String consent = clearance.admit(parsed);
        if (consent == null) {
            result.held++;
            return;
        }
        if (!consent.equals(UserSection.consentOf(parsed))) {
            UserSection.set(parsed, consent, null, null);
            json = UserSection.bytes(parsed);
            try {
                outbox.replace(report, json);
            } catch (IOException e) {
                result.problem("cannot update " + report + " (" + e + ")");
            }
        }
        // The collector acknowledges the id inside the report; the file name only repeats it.
        String id = UserSection.text(parsed, "id", Outbox.idOf(report));
        String fileName = report.getFileName().toString();
        boolean all = true;
        for (Destination d : open) {
            if (result.down.containsKey(d.describe())) {
                all = false;
                continue;
            }
            Outcome outcome = d.deliver(id, fileName, json);
            if (outcome.kind() == Outcome.Kind.REJECTED) {
                reject(report, d.describe() + " refused it: " + outcome.reason(), result);
                return;
            }
            if (outcome.kind() == Outcome.Kind.FAILED) {
                all = false;
                // A destination that fails this one report (a 5xx for it) still gets the next ones;
                // one that is down, or fails several in a row, is left for the rest of the pass.
                Integer inARow = reportFailures.get(d.describe());
                int failures = inARow == null ? 1 : inARow + 1;
                reportFailures.put(d.describe(), failures);
                if (outcome.destinationDown() || failures >= MAX_REPORT_FAILURES_IN_A_ROW) {
                    result.down.put(d.describe(), outcome.reason());
                } else {
                    result.failedReports.put(report.getFileName().toString(), d.describe() + ": " + outcome.reason());
                }
            } else {
                reportFailures.remove(d.describe());
            }
        }
        if (!all) {
            result.kept++;
            return;
        }
        try {
            outbox.markSent(report);
            result.sent++;
        } catch (IOException e) {
            // delivered; sending it again later is harmless (same id)
            result.problem("delivered, but cannot move " + report + " to sent/ (" + e + ")");
            result.sent++;
        }
    }

    private void reject(Path report, String reason, Result result) {
        try {
            outbox.reject(report, reason);
            result.rejected.put(report.getFileName().toString(), reason);
        } catch (IOException e) {
            result.problem("cannot move " + report + " to rejected/ (" + e + "); " + reason);
            result.kept++;
        }
    }

    /** What a pass did. */
    public static final class Result {
        int sent;
        int kept;
        int held;
        /** Destination → why it failed in this pass. */
        final Map<String, String> down = new LinkedHashMap<String, String>();
        /** Report file → why it was refused. */
        final Map<String, String> rejected = new LinkedHashMap<String, String>();
        /** Report file → why it alone failed at a destination that took others (kept, tried again later). */
        final Map<String, String> failedReports = new LinkedHashMap<String, String>();
        String problem;

        void problem(String text) {
            if (problem == null) {
                problem = text;
            }
        }

        /** Reports every destination acknowledged. */
        public int sent() {
            return sent;
        }

        /** Reports that stay waiting because a destination failed. */
        public int kept() {
            return kept;
        }

        /** Reports that stay because their consent does not let them leave. */
        public int held() {
            return held;
        }

        public Map<String, String> down() {
            return down;
        }

        public Map<String, String> rejected() {
            return rejected;
        }

        /** Reports that failed on their own at a destination that is up; they stay for the next pass. */
        public Map<String, String> failedReports() {
            return failedReports;
        }

        /** True when something stays that a later pass should try again. */
        public boolean retryLater() {
            return !down.isEmpty() || !failedReports.isEmpty();
        }

        /** The first local trouble (reading, moving a file), or null. */
        public String problem() {
            return problem;
        }
    }
}
