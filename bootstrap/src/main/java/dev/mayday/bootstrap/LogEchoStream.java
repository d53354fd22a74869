package dev.mayday.bootstrap;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The stream a java.util.logging {@code ConsoleHandler} is given: every write is marked with
 * {@link LogEcho}, so stream capture knows the bytes as the console copy of records the ring
 * already holds, wherever it captures (in front of {@code System.err} or below it).
 */
final class LogEchoStream extends OutputStream {

    private final OutputStream out;

    LogEchoStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
        LogEcho.begin();
        try {
            out.write(b);
        } finally {
            LogEcho.end();
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        LogEcho.begin();
        try {
            out.write(b, off, len);
        } finally {
            LogEcho.end();
        }
    }

    @Override
    public void flush() throws IOException {
        LogEcho.begin();
        try {
            out.flush();
        } finally {
            LogEcho.end();
        }
    }

    @Override
    public void close() throws IOException {
        flush(); // the handler never closes the program's System.err
    }
}
