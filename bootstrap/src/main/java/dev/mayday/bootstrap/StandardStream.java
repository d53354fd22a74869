package dev.mayday.bootstrap;

import java.nio.charset.Charset;

/**
 * The bytes written to one standard stream, cut into lines for the {@link LogRing}. A line that
 * arrives in pieces waits here, bounded; it is decoded with the stream's encoding once it ends,
 * so a character split between two writes comes out whole. The program's bytes are never
 * changed or held up: they are read, not taken.
 */
final class StandardStream {

    /** A line longer than this many bytes is cut (more than {@link LogEntry#MAX_MESSAGE_CHARS} characters in any encoding). */
    static final int MAX_LINE_BYTES = LogEntry.MAX_MESSAGE_CHARS * 4;

    private final String source;
    private final String encodingKey;
    private final String oldEncodingKey;
    private Charset charset; // looked up at the first line: properties are final by then
    /** The start of a line not ended yet; at most MAX_LINE_BYTES. Guarded by this. */
    private byte[] pending;
    private int pendingLength; // read without the lock by take's fast path
    private boolean pendingCut;

    volatile boolean keep;
    /**
     * Whether the last byte written was a newline: a hint for where Mayday's own line starts
     * ({@link StreamTap#stderrAtLineStart()}), so a plain field (no fence on every write).
     */
    boolean atLineStart = true;

    StandardStream(String source, String encodingKey, String oldEncodingKey) {
        this.source = source;
        this.encodingKey = encodingKey;
        this.oldEncodingKey = oldEncodingKey;
    }

    void take(byte[] bytes, int offset, int length) {
        if (bytes == null || offset < 0 || length <= 0 || offset > bytes.length - length) {
            return; // FileOutputStream throws for these itself
        }
        boolean endsLine = bytes[offset + length - 1] == '\n';
        if (atLineStart != endsLine) {
            atLineStart = endsLine; // written only when it changes: most writes end a line, as the last did
        }
        if (!keep || LogEcho.active()) {
            return; // a log record's console copy: the ring has the record
        }
        LogRing ring = LogRing.current();
        if (ring == null) {
            return;
        }
        try {
            if (endsLine && pendingLength == 0) {
                whole(ring, bytes, offset, offset + length); // the usual println: no lock, no copy
            } else {
                split(ring, bytes, offset, offset + length);
            }
        } catch (Throwable ignored) {
            // Keeping a copy must never break the program's own output.
        }
    }

    /**
     * Whole lines only, nothing waiting before them: each becomes an entry straight from the
     * program's bytes. Touches no shared state, so it needs no lock (a racy read of
     * {@code pendingLength} at worst keeps a line apart from another writer's unfinished one,
     * which it is).
     */
    private void whole(LogRing ring, byte[] bytes, int from, int to) {
        int end = to - 1; // the final newline
        if (end - from <= MAX_LINE_BYTES) {
            // One decode (vectorised) and one indexOf (an intrinsic) instead of a loop over bytes:
            // the usual write is exactly one line.
            String text = new String(bytes, from, end - from, charset());
            if (text.indexOf('\n') < 0) {
                int n = text.length();
                if (n > 0 && text.charAt(n - 1) == '\r') {
                    text = text.substring(0, n - 1);
                }
                keepLine(ring, text, false);
                return;
            }
        }
        int start = from;
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\n') {
                line(ring, bytes, start, i, false);
                start = i + 1;
            }
        }
    }

    void takeByte(byte b) {
        take(new byte[] {b}, 0, 1);
    }

    private synchronized void split(LogRing ring, byte[] bytes, int from, int to) {
        int start = from;
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\n') {
                if (pendingLength == 0 && !pendingCut) {
                    line(ring, bytes, start, i, false);
                } else {
                    append(bytes, start, i);
                    line(ring, pending, 0, pendingLength, pendingCut);
                    pendingLength = 0;
                    pendingCut = false;
                    if (pending.length > 1024) {
                        pending = null; // one long line does not keep its buffer for good
                    }
                }
                start = i + 1;
            }
        }
        if (start < to) {
            append(bytes, start, to);
        }
    }

    private void append(byte[] bytes, int from, int to) {
        int room = MAX_LINE_BYTES - pendingLength;
        int n = to - from;
        if (n > room) {
            n = room;
            pendingCut = true;
        }
        if (n <= 0) {
            return;
        }
        if (pending == null || pending.length < pendingLength + n) {
            int size = Math.min(MAX_LINE_BYTES, Math.max(pendingLength + n, pending == null ? 128 : pending.length * 2));
            byte[] grown = new byte[size];
            if (pending != null) {
                System.arraycopy(pending, 0, grown, 0, pendingLength);
            }
            pending = grown;
        }
        System.arraycopy(bytes, from, pending, pendingLength, n);
        pendingLength += n;
    }

    private void line(LogRing ring, byte[] bytes, int from, int to, boolean cut) {
        if (to > from && bytes[to - 1] == '\r') {
            to--;
        }
        if (to - from > MAX_LINE_BYTES) {
            to = from + MAX_LINE_BYTES;
            cut = true;
        }
        keepLine(ring, new String(bytes, from, to - from, charset()), cut);
    }

    private void keepLine(LogRing ring, String text, boolean cut) {
        ring.addRecord(System.currentTimeMillis(), source, source, Thread.currentThread().getName(), text, null,
                LogEntry.PLAIN, cut);
    }

    private Charset charset() {
        Charset cs = charset;
        if (cs == null) {
            cs = charset = lookUpCharset();
        }
        return cs;
    }

    private Charset lookUpCharset() {
        String name = System.getProperty(encodingKey);
        if (name == null) {
            name = System.getProperty(oldEncodingKey);
        }
        try {
            return name == null ? Charset.defaultCharset() : Charset.forName(name);
        } catch (RuntimeException e) {
            return Charset.defaultCharset();
        }
    }
}
