package dev.mayday.agent.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Paths;

/**
 * {@code show FILE}: a report as a person reads it: what failed and where, the cause chain, the
 * last log lines, the system in a few lines.
 */
final class ShowCommand {

    static final int LOG_LINES = 20;
    static final int FRAMES_PER_EXCEPTION = 12;

    private ShowCommand() {
    }

    static int run(String file, PrintStream out, PrintStream err) {
        JsonObject report;
        try {
            String text = new String(Files.readAllBytes(Paths.get(file)), StandardCharsets.UTF_8);
            JsonElement parsed = JsonParser.parseString(text);
            if (!parsed.isJsonObject() || !parsed.getAsJsonObject().has("schema")) {
                err.println("mayday: " + file + " is not a Mayday report (no schema key)");
                return 1;
            }
            report = parsed.getAsJsonObject();
        } catch (NoSuchFileException e) {
            err.println("mayday: no such file: " + file);
            return 1;
        } catch (IOException e) {
            err.println("mayday: cannot read " + file + ": " + e.getMessage());
            return 1;
        } catch (JsonParseException | IllegalStateException e) {
            err.println("mayday: " + file + " is not valid JSON: " + TerminalText.line(String.valueOf(e.getMessage())));
            return 1;
        }
        print(report, out);
        return 0;
    }

    static void print(JsonObject r, PrintStream out) {
        out.println(str(r, "title"));
        out.println("=".repeat(Math.max(10, Math.min(100, str(r, "title").length()))));
        JsonObject app = obj(r, "app");
        JsonObject thread = obj(r, "thread");
        out.println("When:      " + str(r, "time") + "   kind: " + str(r, "kind")
                + (num(r, "repeats") > 0 ? "   (+" + num(r, "repeats") + " held back before it)" : ""));
        out.println("App:       " + str(app, "name") + " " + str(app, "version") + "   main class " + str(app, "mainClass")
                + ", pid " + str(app, "pid") + ", up " + str(app, "uptimeMs") + " ms");
        out.println("Thread:    " + str(thread, "name") + (bool(thread, "daemon") ? " (daemon)" : "")
                + (bool(thread, "virtual") ? " (virtual)" : ""));
        JsonObject origin = obj(r, "origin");
        if (origin.size() > 0) {
            StringBuilder o = new StringBuilder();
            for (String key : origin.keySet()) {
                o.append(o.length() == 0 ? "" : ", ").append(TerminalText.line(key)).append(' ').append(str(origin, key));
            }
            out.println("Caught by: " + o);
        }
        out.println("Signature: " + str(r, "signature") + "   report " + str(r, "id"));
        JsonObject user = obj(r, "user");
        if (user.size() > 0) {
            out.println("User:      consent " + str(user, "consent") + (user.has("email") ? ", " + str(user, "email") : ""));
            if (user.has("comment")) {
                out.println("           \"" + str(user, "comment") + "\"");
            }
        }
        out.println();

        JsonObject exception = obj(r, "exception");
        String prefix = "";
        for (int depth = 0; exception.size() > 0 && depth < 16; depth++) {
            out.println(prefix + str(exception, "type") + (exception.has("message") ? ": " + str(exception, "message") : ""));
            printFrames(exception, out);
            if (exception.has("text")) {
                out.println(TerminalText.block(raw(exception, "text")));
            }
            exception = obj(exception, "cause");
            prefix = "Caused by: ";
        }
        out.println();
        FailureDetails.print(r, out);

        JsonArray logs = arr(r, "logs");
        if (logs.size() > 0) {
            int from = Math.max(0, logs.size() - LOG_LINES);
            out.println("Last log lines (" + (logs.size() - from) + " of " + logs.size() + "):");
            for (int i = from; i < logs.size(); i++) {
                JsonObject log = logs.get(i).getAsJsonObject();
                out.println("  " + str(log, "time") + " " + str(log, "level") + " [" + str(log, "thread") + "] "
                        + str(log, "logger") + " - " + str(log, "message"));
            }
            out.println();
        }

        JsonObject system = obj(r, "system");
        if (system.size() > 0) {
            JsonObject os = obj(system, "os");
            JsonObject jvm = obj(system, "jvm");
            JsonObject cpu = obj(system, "cpu");
            JsonObject memory = obj(system, "memory");
            out.println("System:");
            out.println("  OS:      " + str(os, "name") + " " + str(os, "version") + " (" + str(os, "arch") + ")");
            out.println("  Java:    " + str(jvm, "name") + " " + str(jvm, "version") + " (" + str(jvm, "vendor") + ")");
            out.println("  CPUs:    " + str(cpu, "count") + (cpu.has("load") ? ", load " + str(cpu, "load") : ""));
            out.println("  Memory:  heap " + mib(memory, "heapUsed") + " of " + mib(memory, "heapMax")
                    + (memory.has("physicalTotal") ? ", machine " + mib(memory, "physicalFree") + " free of "
                    + mib(memory, "physicalTotal") : ""));
            out.println("  Locale:  " + str(system, "locale") + ", " + str(system, "timezone") + ", "
                    + str(system, "encoding") + (bool(system, "headless") ? ", headless" : ""));
            out.println("  Threads: " + arr(r, "threads").size() + " live");
            out.println("  Machine: " + str(system, "machineId")
                    + (system.has("hostname") ? " (" + str(system, "hostname") + ")" : ""));
        }
        JsonArray truncated = arr(r, "truncated");
        if (truncated.size() > 0) {
            out.println();
            out.println("Cut to fit the size limit:");
            for (JsonElement note : truncated) {
                out.println("  " + TerminalText.line(note.isJsonPrimitive() ? note.getAsString() : note.toString()));
            }
        }
    }

    private static void printFrames(JsonObject exception, PrintStream out) {
        JsonArray frames = arr(exception, "frames");
        int shown = 0;
        for (JsonElement e : frames) {
            if (shown == FRAMES_PER_EXCEPTION) {
                out.println("        ... " + (frames.size() - shown) + " more");
                break;
            }
            JsonObject f = e.getAsJsonObject();
            if (f.has("folded")) {
                out.println("        ... the " + str(f, "cycle") + " frame(s) above repeat " + str(f, "times") + " more times");
            } else {
                String where = f.has("file") ? str(f, "file") + (f.has("line") ? ":" + str(f, "line") : "") : "Unknown Source";
                String from = f.has("jar") ? " [" + str(f, "jar") + "]" : (f.has("module") ? " [" + str(f, "module") + "]" : "");
                out.println("    at " + str(f, "class") + "." + str(f, "method") + "(" + where + ")" + from);
            }
            shown++;
        }
        if (exception.has("framesInCommon")) {
            out.println("        ... " + str(exception, "framesInCommon") + " frames in common with the above");
        }
    }

    private static String mib(JsonObject o, String key) {
        return o.has(key) ? (o.get(key).getAsLong() / (1024 * 1024)) + " MiB" : "?";
    }

    /** A value of the report, made safe for the terminal (the report is untrusted input). */
    private static String str(JsonObject o, String key) {
        return TerminalText.line(raw(o, key));
    }

    private static String raw(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? "" : (e.isJsonPrimitive() ? e.getAsString() : e.toString());
    }

    private static long num(JsonObject o, String key) {
        JsonElement e = o.get(key);
        try {
            return e == null || e.isJsonNull() ? 0 : e.getAsLong();
        } catch (RuntimeException ex) {
            return 0;
        }
    }

    private static boolean bool(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() && e.getAsBoolean();
    }

    private static JsonObject obj(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : new JsonObject();
    }

    private static JsonArray arr(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonArray() ? e.getAsJsonArray() : new JsonArray();
    }
}
