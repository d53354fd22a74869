package dev.mayday.bootstrap;

import java.io.FileDescriptor;
import java.io.FileOutputStream;

/**
 * Woven into the start of {@code FileOutputStream}'s write methods: sees the bytes the program
 * writes to the process's standard output and error, below whatever {@code PrintStream} the
 * program uses ({@code System.out} stays the object the program set; its own methods run).
 * Every other file's bytes pass after one comparison. Kept apart from {@link Bridge} so woven
 * code reaches only what it needs.
 */
public final class StreamTap {

    private static final StandardStream OUT = new StandardStream("stdout", "stdout.encoding", "sun.stdout.encoding");
    private static final StandardStream ERR = new StandardStream("stderr", "stderr.encoding", "sun.stderr.encoding");

    private StreamTap() {
    }

    /** Which standard streams feed the log ring ({@code logCapture} option). */
    public static void keep(boolean stdout, boolean stderr) {
        OUT.keep = stdout;
        ERR.keep = stderr;
    }

    /**
     * True unless the last byte written to standard error was not a newline: Mayday's own line
     * then starts on a line of its own. True also when nothing was seen (no tap yet).
     */
    public static boolean stderrAtLineStart() {
        return ERR.atLineStart;
    }

    /** Woven into {@code FileOutputStream.write(byte[], int, int)}. */
    public static void wrote(FileOutputStream stream, byte[] bytes, int offset, int length) {
        StandardStream s = standard(stream);
        if (s != null) {
            try {
                s.take(bytes, offset, length);
            } catch (Throwable ignored) {
                // Whatever happens here (a thread without stack left), the program's write goes on.
            }
        }
    }

    /** Woven into {@code FileOutputStream.write(byte[])}. */
    public static void wroteAll(FileOutputStream stream, byte[] bytes) {
        StandardStream s = standard(stream);
        if (s != null && bytes != null) {
            try {
                s.take(bytes, 0, bytes.length);
            } catch (Throwable ignored) {
                // as above
            }
        }
    }

    /** Woven into {@code FileOutputStream.write(int)}. */
    public static void wroteByte(FileOutputStream stream, int b) {
        StandardStream s = standard(stream);
        if (s != null) {
            try {
                s.takeByte((byte) b);
            } catch (Throwable ignored) {
                // as above
            }
        }
    }

    private static StandardStream standard(FileOutputStream stream) {
        FileDescriptor fd;
        try {
            fd = stream.getFD(); // final: reads a field, throws only when the stream has none
        } catch (Throwable e) {
            return null;
        }
        return fd == FileDescriptor.out ? OUT : fd == FileDescriptor.err ? ERR : null;
    }
}
