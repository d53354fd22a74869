package dev.mayday.agent.fatal;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.mayday.agent.capture.CrashEvent;
import java.io.File;

/**
 * The {@code jvm-fatal} event of one error file {@link FatalErrorLogs} found. A class of its own
 * so that the search, which runs at every start, never loads Gson: the verifier loads the JSON
 * classes this code passes to each other.
 */
final class FatalErrorReport {

    private FatalErrorReport() {
    }

    static CrashEvent event(File file, long modified, ErrorFile parsed, String text) {
        String message = (parsed.signal == null ? "fatal error" : parsed.signal)
                + (parsed.problematicFrame == null ? "" : "; problematic frame: " + parsed.problematicFrame);
        JvmFatalError error = new JvmFatalError(message, parsed.javaFrames.toArray(new StackTraceElement[0]));
        JsonObject fatal = new JsonObject();
        fatal.addProperty("file", file.getName());
        fatal.addProperty("signal", parsed.signal);
        fatal.addProperty("problematicFrame", parsed.problematicFrame);
        fatal.addProperty("jreVersion", parsed.jreVersion);
        fatal.addProperty("javaVm", parsed.javaVm);
        fatal.addProperty("javaCommand", parsed.javaCommand);
        JsonArray frames = new JsonArray();
        for (StackTraceElement e : parsed.javaFrames) {
            frames.add(e.getClassName() + "." + e.getMethodName());
        }
        fatal.add("javaFrames", frames);
        long size = file.length();
        fatal.addProperty("logBytes", size);
        fatal.addProperty("logCut", size > FatalErrorLogs.ATTACH_MAX_BYTES);
        fatal.addProperty("log", text);
        CrashEvent event = new CrashEvent(CrashEvent.JVM_FATAL, null, error, "jvmFatal", file.getName(), null,
                modified);
        // This JVM's threads and log lines say nothing about the one that died.
        return event.with("fatal", fatal).with("threads", new JsonArray()).with("logs", new JsonArray());
    }
}
