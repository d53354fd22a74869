package dev.mayday.bootstrap;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The stream a JUL ConsoleHandler writes to: the same System.err, with each write marked as a
 * log record's console copy ({@link LogEcho}), so stream capture does not keep the record a
 * second time as a stderr line.
 */
public final class EchoMarkingStream extends OutputStream {

    private final OutputStream target;

    EchoMarkingStream(OutputStream target) {
        this.target = target;
    }

    @Override
    public void write(int b) throws IOException {
        LogEcho.begin();
        try {
            target.write(b);
        } finally {
            LogEcho.end();
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        LogEcho.begin();
        try {
            target.write(b, off, len);
        } finally {
            LogEcho.end();
        }
    }

    @Override
    public void flush() throws IOException {
        LogEcho.begin();
        try {
            target.flush();
        } finally {
            LogEcho.end();
        }
    }

    @Override
    public void close() throws IOException {
        LogEcho.begin();
        try {
            target.close();
        } finally {
            LogEcho.end();
        }
    }
}
