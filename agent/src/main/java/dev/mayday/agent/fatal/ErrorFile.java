package dev.mayday.agent.fatal;

import java.util.ArrayList;
import java.util.List;

/**
 * What a HotSpot fatal error file ({@code hs_err_pid<N>.log}) says, read from its text: the
 * signal or internal error, the problematic frame, the JVM version, the crashed JVM's arguments
 * and command, and its Java frames.
 */
final class ErrorFile {

    String signal;
    String problematicFrame;
    String jreVersion;
    String javaVm;
    String jvmArgs;
    String javaCommand;
    final List<StackTraceElement> javaFrames = new ArrayList<StackTraceElement>();

    static ErrorFile parse(String text) {
        ErrorFile f = new ErrorFile();
        String[] lines = text.split("\r?\n");
        boolean problematicNext = false;
        int javaFramesAt = -1;
        int nativeFramesAt = -1;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String body = line.startsWith("#") ? line.substring(1).trim() : null;
            if (body != null) {
                if (problematicNext) {
                    f.problematicFrame = body;
                    problematicNext = false;
                } else if (f.signal == null && (body.startsWith("SIG") || body.startsWith("EXCEPTION_")
                        || body.startsWith("Internal Error") || body.startsWith("Out of Memory Error")
                        || body.startsWith("fatal error") || body.startsWith("guarantee"))) {
                    f.signal = body;
                } else if (body.startsWith("JRE version:")) {
                    f.jreVersion = body.substring("JRE version:".length()).trim();
                } else if (body.startsWith("Java VM:")) {
                    f.javaVm = body.substring("Java VM:".length()).trim();
                } else if (body.startsWith("Problematic frame:")) {
                    problematicNext = true;
                }
            } else if (line.startsWith("jvm_args:")) {
                f.jvmArgs = line.substring("jvm_args:".length()).trim();
            } else if (line.startsWith("java_command:")) {
                f.javaCommand = line.substring("java_command:".length()).trim();
            } else if (line.startsWith("Java frames:") && javaFramesAt < 0) {
                javaFramesAt = i + 1;
            } else if (line.startsWith("Native frames:") && nativeFramesAt < 0) {
                nativeFramesAt = i + 1;
            }
        }
        int from = javaFramesAt >= 0 ? javaFramesAt : nativeFramesAt;
        for (int i = from; from >= 0 && i < lines.length && !lines[i].trim().isEmpty(); i++) {
            StackTraceElement e = javaFrame(lines[i]);
            if (e != null) {
                f.javaFrames.add(e);
            }
        }
        return f;
    }

    /** {@code j  demo.Crash.main([Ljava/lang/String;)V+35} or {@code J 42 c2 demo.Crash.poke()V (5 bytes) @ ...}. */
    static StackTraceElement javaFrame(String line) {
        if (!(line.startsWith("j ") || line.startsWith("J "))) {
            return null;
        }
        for (String token : line.split("\\s+")) {
            int paren = token.indexOf('(');
            if (paren > 0) {
                String qualified = token.substring(0, paren);
                int dot = qualified.lastIndexOf('.');
                if (dot > 0) {
                    return new StackTraceElement(qualified.substring(0, dot), qualified.substring(dot + 1), null, -1);
                }
            }
        }
        return null;
    }
}
