package dev.mayday.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A TCP proxy in front of the collector that, the moment the collector's answer comes back,
 * runs {@code onAnswer} (the test kills the sending program there) and never forwards the
 * answer: the report is stored, but the sender never learns it. The worst moment for
 * "exactly once".
 */
final class KillingProxy implements AutoCloseable {

    private final ServerSocket server;
    private final int upstreamPort;
    private final Runnable onAnswer;
    final CountDownLatch answered = new CountDownLatch(1);

    KillingProxy(int upstreamPort, Runnable onAnswer) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.upstreamPort = upstreamPort;
        this.onAnswer = onAnswer;
        Thread acceptor = new Thread(this::accept, "proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
                pump(client.getInputStream(), upstream.getOutputStream(), "proxy-request");
                Thread answer = new Thread(() -> {
                    try (client; upstream) {
                        InputStream in = upstream.getInputStream();
                        if (in.read() >= 0) { // the collector has committed and starts to answer
                            onAnswer.run();
                            answered.countDown();
                        }
                    } catch (IOException ignored) {
                        // the connection went away
                    }
                }, "proxy-answer");
                answer.setDaemon(true);
                answer.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private static void pump(InputStream in, OutputStream out, String name) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException ignored) {
                // one side closed
            }
        }, name);
        t.setDaemon(true);
        t.start();
    }

    boolean awaitAnswer(long seconds) throws InterruptedException {
        return answered.await(seconds, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
