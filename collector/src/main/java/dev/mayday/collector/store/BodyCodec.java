package dev.mayday.collector.store;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * How report bodies are kept: raw deflate (fastest level) behind a one-byte marker. A 30 KB
 * report shrinks about seven times, which keeps a million reports to a few GB and, more to the
 * point, moves work off the single database writer onto the parallel ingest threads. A body
 * without the marker (it would start with '{' or white space) is plain JSON and read as is.
 */
public final class BodyCodec {

    private static final byte DEFLATED = 0x01;
    /** Off only for measuring what compression costs ({@code -Dmayday.compressBodies=false}). */
    private static final boolean COMPRESS = !"false".equals(System.getProperty("mayday.compressBodies"));
    private static final ThreadLocal<Deflater> DEFLATERS = ThreadLocal.withInitial(() -> new Deflater(Deflater.BEST_SPEED, true));

    private BodyCodec() {
    }

    /** Compresses on the calling thread; falls back to the plain body when that is not smaller. */
    public static byte[] encode(byte[] json) {
        if (!COMPRESS) {
            return json;
        }
        Deflater d = DEFLATERS.get();
        d.reset();
        d.setInput(json);
        d.finish();
        byte[] out = new byte[json.length + 1];
        out[0] = DEFLATED;
        int len = 1;
        while (!d.finished() && len < out.length) {
            len += d.deflate(out, len, out.length - len);
        }
        if (!d.finished()) {
            return json; // incompressible: keep it plain
        }
        return Arrays.copyOf(out, len);
    }

    public static byte[] decode(byte[] stored) {
        if (stored.length == 0 || stored[0] != DEFLATED) {
            return stored;
        }
        Inflater inf = new Inflater(true);
        try {
            inf.setInput(stored, 1, stored.length - 1);
            ByteArrayOutputStream out = new ByteArrayOutputStream(stored.length * 8);
            byte[] buf = new byte[65536];
            while (!inf.finished()) {
                int n = inf.inflate(buf);
                if (n == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    throw new IllegalStateException("stored report body is truncated");
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IllegalStateException("stored report body is corrupt: " + e.getMessage(), e);
        } finally {
            inf.end();
        }
    }
}
