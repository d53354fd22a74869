package dev.mayday.agent.consent;

import com.google.gson.JsonObject;
import dev.mayday.agent.diag.Diagnostics;
import dev.mayday.agent.outbox.Outbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reports of a program that went on ({@code logged}, {@code request}, {@code swallowed},
 * {@code hang}, {@code deadlock}): under {@code consent=ask} they never raise a question by
 * themselves, they wait in the outbox ({@code user.consent} pending), and the next question about
 * a crash of the same application offers them too. This class finds them and records the answer.
 */
final class EarlierReports {

    /** The kinds of a program that goes on. */
    static final Set<String> GOES_ON_KINDS = Collections.unmodifiableSet(
            new HashSet<String>(Arrays.asList("logged", "request", "swallowed", "hang", "deadlock")));

    /** At most this many, the newest: a question stays readable, "View report" stays small. */
    static final int MAX_OFFERED = 20;

    private final List<Path> files;
    private final List<JsonObject> reports;

    private EarlierReports(List<Path> files, List<JsonObject> reports) {
        this.files = files;
        this.reports = reports;
    }

    static boolean goesOn(String kind) {
        return kind != null && GOES_ON_KINDS.contains(kind);
    }

    /**
     * The pending reports of kinds that go on, of application {@code app}, waiting beside
     * {@code asked}: the newest {@value #MAX_OFFERED} (the others stay pending for a later question).
     */
    static EarlierReports of(Outbox outbox, String app, Path asked) {
        List<Path> files = new ArrayList<Path>();
        List<JsonObject> reports = new ArrayList<JsonObject>();
        for (Path file : outbox.waiting()) {
            if (file.equals(asked)) {
                continue;
            }
            try {
                JsonObject report = UserSection.parse(Files.readAllBytes(file));
                if (goesOn(UserSection.text(report, "kind", null))
                        && UserSection.PENDING.equals(UserSection.consentOf(report))
                        && app.equals(UserSection.appName(report, null))) {
                    files.add(file);
                    reports.add(report);
                }
            } catch (IOException | RuntimeException e) {
                Diagnostics.debug("left " + file + " out of the question: " + e);
            }
        }
        int from = Math.max(0, files.size() - MAX_OFFERED); // oldest first: keep the newest
        return new EarlierReports(new ArrayList<Path>(files.subList(from, files.size())),
                new ArrayList<JsonObject>(reports.subList(from, reports.size())));
    }

    int count() {
        return files.size();
    }

    /** One line each: {@code NullPointerException in acme.Orders.get (request)}. */
    List<String> titles() {
        List<String> titles = new ArrayList<String>(reports.size());
        for (JsonObject r : reports) {
            titles.add(UserSection.text(r, "title", "a problem") + " (" + UserSection.text(r, "kind", "?") + ")");
        }
        return titles;
    }

    /** All of them as a person reads them after the crash report in "View report". */
    String text() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < reports.size(); i++) {
            out.append("\n\n--- earlier problem report ").append(i + 1).append(" of ").append(reports.size())
                    .append(" ---\n").append(UserSection.pretty(reports.get(i)));
        }
        return out.toString();
    }

    /** Records {@code consent} in each of them (no comment or e-mail: those were about the crash). */
    void record(Outbox outbox, String consent) {
        for (int i = 0; i < files.size(); i++) {
            UserSection.set(reports.get(i), consent, null, null);
            try {
                outbox.replace(files.get(i), UserSection.bytes(reports.get(i)));
            } catch (IOException e) {
                Diagnostics.warn("cannot record the answer in " + files.get(i) + " (" + e + "); it stays unsent");
            }
        }
    }
}
