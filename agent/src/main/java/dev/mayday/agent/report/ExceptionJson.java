package dev.mayday.agent.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The {@code exception} of a report: type, message, frames, cause and suppressed, recursively.
 * Deep recursion is folded, frames a cause shares with the exception that wraps it are counted
 * rather than repeated (as {@code printStackTrace} does), and every list is bounded.
 */
final class ExceptionJson {

    static final int MAX_MESSAGE_CHARS = 8192;
    static final int MAX_FRAMES = 512;
    static final int MAX_DEPTH = 16;
    static final int MAX_SUPPRESSED = 16;

    private final FrameLocator locator;

    ExceptionJson(FrameLocator locator) {
        this.locator = locator;
    }

    JsonObject toJson(Throwable failure) {
        learnClasses(failure);
        return describe(failure, null, Collections.newSetFromMap(new IdentityHashMap<Throwable, Boolean>()), 0);
    }

    /** Looks up where the classes of every frame in the chain came from (once per class). */
    void learnClasses(Throwable failure) {
        if (locator != null) {
            Set<String> classes = new HashSet<String>();
            collectClasses(failure, classes, Collections.newSetFromMap(new IdentityHashMap<Throwable, Boolean>()), 0);
            locator.learn(classes);
        }
    }

    private void collectClasses(Throwable t, Set<String> out, Set<Throwable> seen, int depth) {
        if (t == null || depth > MAX_DEPTH || !seen.add(t)) {
            return;
        }
        for (StackTraceElement e : SafeThrowable.frames(t)) {
            out.add(e.getClassName());
        }
        collectClasses(SafeThrowable.cause(t), out, seen, depth + 1);
        for (Throwable s : SafeThrowable.suppressed(t)) {
            collectClasses(s, out, seen, depth + 1);
        }
    }

    private JsonObject describe(Throwable t, StackTraceElement[] enclosing, Set<Throwable> seen, int depth) {
        JsonObject json = new JsonObject();
        json.addProperty("type", t.getClass().getName());
        if (!seen.add(t)) {
            json.addProperty("circular", true);
            return json;
        }
        String message = safeMessage(t);
        if (message != null) {
            if (message.length() > MAX_MESSAGE_CHARS) {
                json.addProperty("messageLength", message.length());
                message = message.substring(0, MAX_MESSAGE_CHARS);
            }
            json.addProperty("message", message);
        }
        // Each accessor on its own: the program's overrides may throw (SafeThrowable).
        StackTraceElement[] trace = SafeThrowable.frames(t);
        int inCommon = enclosing == null ? 0 : framesInCommon(trace, enclosing);
        StackTraceElement[] own = inCommon == 0 ? trace : java.util.Arrays.copyOf(trace, trace.length - inCommon);
        json.add("frames", frames(own, json));
        if (inCommon > 0) {
            json.addProperty("framesInCommon", inCommon);
        }
        Throwable cause = SafeThrowable.cause(t);
        if (cause == null && SafeThrowable.causeUnreadable(t)) {
            json.addProperty("causeUnreadable", true); // getCause() threw
        }
        if (depth >= MAX_DEPTH) {
            if (cause != null) {
                json.addProperty("causesOmitted", true);
            }
            return json;
        }
        if (cause != null) {
            json.add("cause", describe(cause, trace, seen, depth + 1));
        }
        Throwable[] suppressed = SafeThrowable.suppressed(t);
        if (suppressed.length > 0) {
            JsonArray list = new JsonArray();
            for (int i = 0; i < suppressed.length && i < MAX_SUPPRESSED; i++) {
                list.add(describe(suppressed[i], trace, seen, depth + 1));
            }
            json.add("suppressed", list);
            if (suppressed.length > MAX_SUPPRESSED) {
                json.addProperty("suppressedOmitted", suppressed.length - MAX_SUPPRESSED);
            }
        }
        return json;
    }

    JsonArray frames(StackTraceElement[] trace, JsonObject owner) {
        List<RecursionFolder.Item> items = RecursionFolder.fold(trace);
        JsonArray frames = new JsonArray();
        int kept = 0;
        for (RecursionFolder.Item item : items) {
            if (kept >= MAX_FRAMES) {
                owner.addProperty("framesOmitted", items.size() - kept);
                break;
            }
            if (item.isFold()) {
                JsonObject fold = new JsonObject();
                fold.addProperty("folded", item.cycle * item.times);
                fold.addProperty("cycle", item.cycle);
                fold.addProperty("times", item.times);
                frames.add(fold);
            } else {
                frames.add(frame(item.frame));
            }
            kept++;
        }
        return frames;
    }

    JsonObject frame(StackTraceElement e) {
        JsonObject f = new JsonObject();
        f.addProperty("class", e.getClassName());
        f.addProperty("method", e.getMethodName());
        if (e.getFileName() != null) {
            f.addProperty("file", e.getFileName());
        }
        if (e.getLineNumber() >= 0) {
            f.addProperty("line", e.getLineNumber());
        }
        if (e.getModuleName() != null) {
            f.addProperty("module", e.getModuleVersion() == null
                    ? e.getModuleName() : e.getModuleName() + "@" + e.getModuleVersion());
        } else if (locator != null) {
            String jar = locator.jar(e.getClassName());
            if (jar != null) {
                f.addProperty("jar", jar);
            }
        }
        return f;
    }

    private static int framesInCommon(StackTraceElement[] trace, StackTraceElement[] enclosing) {
        int m = trace.length - 1;
        int n = enclosing.length - 1;
        int common = 0;
        while (m >= 0 && n >= 0 && trace[m].equals(enclosing[n])) {
            m--;
            n--;
            common++;
        }
        return common;
    }

    static String safeMessage(Throwable t) {
        return SafeThrowable.message(t);
    }
}
