package dev.mayday.collector.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** Bytes on a socket, as an attacker or an unusual client would send them. */
public final class Raw {

    private Raw() {
    }

    /** Sends the text and reads the answer's head (up to the blank line) or what came before the close. */
    public static String exchange(int port, String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(15_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            return head(s.getInputStream());
        }
    }

    /** The whole answer of a request that asks the server to close: status line, headers and body. */
    public static String whole(int port, String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(15_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A WebSocket handshake on {@code path} with extra header lines; the answer's head. */
    public static String handshake(int port, String path, String... headerLines) throws IOException {
        StringBuilder r = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n");
        for (String h : headerLines) {
            r.append(h).append("\r\n");
        }
        r.append("\r\n");
        return exchange(port, r.toString());
    }

    static String head(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            out.write(b);
            String s = out.toString(StandardCharsets.ISO_8859_1);
            if (s.endsWith("\r\n\r\n")) {
                break;
            }
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    /** The status code of an answer's head, or -1 when there was none. */
    public static int status(String head) {
        if (!head.startsWith("HTTP/1.1 ")) {
            return -1;
        }
        return Integer.parseInt(head.substring(9, 12));
    }

    /**
     * Whether the server closes the socket within {@code millis}: reading gives end of stream or a
     * reset (an answer before the close, such as a 408, is fine).
     */
    public static boolean closedWithin(Socket s, long millis) throws IOException {
        long deadline = System.currentTimeMillis() + millis;
        InputStream in = s.getInputStream();
        byte[] buf = new byte[4096];
        while (System.currentTimeMillis() < deadline) {
            s.setSoTimeout((int) Math.max(1, deadline - System.currentTimeMillis()));
            try {
                if (in.read(buf) < 0) {
                    return true;
                }
            } catch (SocketTimeoutException e) {
                return false;
            } catch (IOException reset) {
                return true;
            }
        }
        return false;
    }

    /** Writes, and says false instead of throwing when the server has closed the connection. */
    public static boolean write(OutputStream out, byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
            return true;
        } catch (IOException closed) {
            return false;
        }
    }
}
