package dev.mayday.collector.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a request body into memory, inflating gzip, and never holds more than the limit:
 * the count is checked on the inflated bytes as they come, so a gzip bomb stops after
 * {@code limit} bytes instead of filling the heap.
 */
public final class BodyReader {

    private final long limit;

    public BodyReader(long limit) {
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }

    /**
     * @param in   the raw body
     * @param gzip whether the body is gzip (Content-Encoding: gzip)
     * @throws TooLargeException over the limit
     * @throws IOException       a broken gzip stream or connection (the message says which)
     */
    public byte[] read(InputStream in, boolean gzip) throws IOException {
        return read(in, gzip, -1);
    }

    /**
     * As {@link #read(InputStream, boolean)}; a known {@code contentLength} of a plain body (at
     * most the limit, checked by the caller) is read straight into an array of that size.
     */
    public byte[] read(InputStream in, boolean gzip, long contentLength) throws IOException {
        if (!gzip && contentLength >= 0 && contentLength <= limit) {
            byte[] body = in.readNBytes((int) contentLength);
            if (body.length < contentLength) {
                throw new IOException("body ended after " + body.length + " of " + contentLength + " bytes");
            }
            return body;
        }
        InputStream source = gzip ? new GZIPInputStream(new CappedInput(in, limit), 8192) : in;
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        byte[] buf = new byte[8192];
        long total = 0;
        try {
            int n;
            while ((n = source.read(buf)) > 0) {
                total += n;
                if (total > limit) {
                    throw new TooLargeException(limit);
                }
                out.write(buf, 0, n);
            }
        } catch (ZipException | java.io.EOFException e) {
            throw new IOException("body is not valid gzip: " + e.getMessage());
        }
        return out.toByteArray();
    }

    /** Caps the compressed bytes too, so an endless compressed stream is cut off as well. */
    private static final class CappedInput extends java.io.FilterInputStream {
        private final long cap;
        private long seen;

        CappedInput(InputStream in, long cap) {
            super(in);
            this.cap = cap;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && ++seen > cap) {
                throw new TooLargeException(cap);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0 && (seen += n) > cap) {
                throw new TooLargeException(cap);
            }
            return n;
        }
    }
}
