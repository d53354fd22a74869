package dev.mayday.agent.watch;

import com.google.gson.JsonArray;

/** A stack as short text lines ({@code class.method(File.java:12)}), for samples and cycles. */
final class StackText {

    private StackText() {
    }

    static JsonArray of(StackTraceElement[] stack, int max) {
        JsonArray frames = new JsonArray();
        for (int i = 0; i < stack.length && i < max; i++) {
            StackTraceElement e = stack[i];
            frames.add(e.getClassName() + "." + e.getMethodName() + "("
                    + (e.getFileName() == null ? "?" : e.getFileName()) + (e.getLineNumber() > 0 ? ":" + e.getLineNumber() : "")
                    + ")");
        }
        return frames;
    }
}
