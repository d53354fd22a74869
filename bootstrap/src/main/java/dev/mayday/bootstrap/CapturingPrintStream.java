package dev.mayday.bootstrap;

import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.Locale;

/**
 * Stands in for {@code System.out} or {@code System.err}: every call goes to the original stream
 * unchanged (same bytes, same encoding, same flushing), and each complete line is also kept in
 * the {@link LogRing}.
 */
public final class CapturingPrintStream extends PrintStream {

    private final PrintStream original;
    private final String source;
    private final Charset charset;
    private final StringBuilder line = new StringBuilder();
    private boolean lineCut;

    CapturingPrintStream(PrintStream original, String source, Charset charset) {
        super(original, false);
        this.original = original;
        this.source = source;
        this.charset = charset;
    }

    /** The stream this one passes everything to. */
    public PrintStream original() {
        return original;
    }

    private void keep(String text) {
        if (text == null) {
            text = "null";
        }
        LogRing ring = LogRing.current();
        if (ring == null || LogEcho.active()) {
            return; // a log record's console copy: the ring holds the record itself
        }
        try {
            synchronized (line) {
                int start = 0;
                int n = text.length();
                for (int i = 0; i < n; i++) {
                    if (text.charAt(i) == '\n') {
                        append(text, start, i);
                        finishLine(ring);
                        start = i + 1;
                    }
                }
                append(text, start, n);
            }
        } catch (Throwable ignored) {
            // Keeping a copy must never break the program's own output.
        }
    }

    private void append(String text, int from, int to) {
        int room = LogEntry.MAX_MESSAGE_CHARS - line.length();
        if (to - from > room) {
            to = from + Math.max(room, 0);
            lineCut = true;
        }
        line.append(text, from, to);
    }

    private void finishLine(LogRing ring) {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
            end--;
        }
        ring.add(new LogEntry(System.currentTimeMillis(), source, source,
                Thread.currentThread().getName(), line.substring(0, end), null, null, lineCut));
        line.setLength(0);
        lineCut = false;
    }

    @Override
    public void write(int b) {
        original.write(b);
        keep(String.valueOf((char) (b & 0xff)));
    }

    @Override
    public void write(byte[] buf, int off, int len) {
        original.write(buf, off, len);
        keep(new String(buf, off, len, charset));
    }

    @Override
    public void write(byte[] buf) throws java.io.IOException {
        write(buf, 0, buf.length);
    }

    @Override
    public void writeBytes(byte[] buf) {
        write(buf, 0, buf.length);
    }

    @Override
    public void flush() {
        original.flush();
    }

    @Override
    public void close() {
        original.close();
    }

    @Override
    public boolean checkError() {
        return original.checkError();
    }

    @Override
    public void print(boolean b) {
        original.print(b);
        keep(String.valueOf(b));
    }

    @Override
    public void print(char c) {
        original.print(c);
        keep(String.valueOf(c));
    }

    @Override
    public void print(int i) {
        original.print(i);
        keep(String.valueOf(i));
    }

    @Override
    public void print(long l) {
        original.print(l);
        keep(String.valueOf(l));
    }

    @Override
    public void print(float f) {
        original.print(f);
        keep(String.valueOf(f));
    }

    @Override
    public void print(double d) {
        original.print(d);
        keep(String.valueOf(d));
    }

    @Override
    public void print(char[] s) {
        original.print(s);
        keep(new String(s));
    }

    @Override
    public void print(String s) {
        original.print(s);
        keep(s);
    }

    @Override
    public void print(Object obj) {
        String s = String.valueOf(obj);
        original.print(s);
        keep(s);
    }

    @Override
    public void println() {
        original.println();
        keep("\n");
    }

    @Override
    public void println(boolean x) {
        println(String.valueOf(x));
    }

    @Override
    public void println(char x) {
        println(String.valueOf(x));
    }

    @Override
    public void println(int x) {
        println(String.valueOf(x));
    }

    @Override
    public void println(long x) {
        println(String.valueOf(x));
    }

    @Override
    public void println(float x) {
        println(String.valueOf(x));
    }

    @Override
    public void println(double x) {
        println(String.valueOf(x));
    }

    @Override
    public void println(char[] x) {
        println(new String(x));
    }

    @Override
    public void println(String x) {
        original.println(x);
        keep(x == null ? "null\n" : x.concat("\n"));
    }

    @Override
    public void println(Object x) {
        println(String.valueOf(x));
    }

    @Override
    public PrintStream printf(String format, Object... args) {
        return format(format, args);
    }

    @Override
    public PrintStream printf(Locale l, String format, Object... args) {
        return format(l, format, args);
    }

    @Override
    public PrintStream format(String format, Object... args) {
        // PrintStream.format uses the default FORMAT locale; format once and pass the text on.
        return format(Locale.getDefault(Locale.Category.FORMAT), format, args);
    }

    @Override
    public PrintStream format(Locale l, String format, Object... args) {
        String s = String.format(l, format, args);
        original.print(s);
        keep(s);
        return this;
    }

    @Override
    public PrintStream append(CharSequence csq) {
        print(String.valueOf(csq));
        return this;
    }

    @Override
    public PrintStream append(CharSequence csq, int start, int end) {
        CharSequence cs = csq == null ? "null" : csq;
        print(cs.subSequence(start, end).toString());
        return this;
    }

    @Override
    public PrintStream append(char c) {
        print(c);
        return this;
    }
}
