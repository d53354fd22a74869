package dev.mayday.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Collectors that never finish answering: {@link #trickling()} reads the request and answers one
 * byte a second, for ever; {@link #silent()} accepts connections and says nothing. Each stops
 * when closed (or with the test JVM: its threads are daemons).
 */
final class SlowServers implements AutoCloseable {

    private final ServerSocket server;
    private final boolean trickle;
    private final List<Socket> accepted = new ArrayList<>();

    private SlowServers(boolean trickle) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.trickle = trickle;
        Thread acceptor = new Thread(this::accept, "slow-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static SlowServers trickling() throws IOException {
        return new SlowServers(true);
    }

    static SlowServers silent() throws IOException {
        return new SlowServers(false);
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                synchronized (accepted) {
                    accepted.add(s);
                }
                if (trickle) {
                    Thread t = new Thread(() -> trickle(s), "slow-server-answer");
                    t.setDaemon(true);
                    t.start();
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    private void trickle(Socket s) {
        try (s) {
            InputStream in = s.getInputStream();
            byte[] buffer = new byte[8192];
            in.read(buffer); // the request's start is enough
            OutputStream out = s.getOutputStream();
            byte[] answer = "HTTP/1.1 200 OK\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; !server.isClosed(); i++) {
                out.write(i < answer.length ? answer[i] : 'z');
                out.flush();
                Thread.sleep(1000);
            }
        } catch (IOException | InterruptedException e) {
            // the client gave up: what a deadline is for
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        synchronized (accepted) {
            for (Socket s : accepted) {
                s.close();
            }
        }
    }
}
