package demo.servers;

import demo.robot.ConsentRobot;
import java.util.Arrays;
import java.util.Map;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded Jetty 12 (core handlers, Logback as its SLF4J provider) whose handler throws a
 * NullPointerException for {@code /orders/*}. It sends itself requests, prints how they were
 * answered, and shows that the server goes on. Arguments: failing requests, then optionally a
 * pause in milliseconds and more failing requests (the next {@code quiet} window), then
 * {@code caught} for one request whose failure the handler catches and logs itself,
 * {@code linger=MS} to stay up a while after the requests, {@code crash} to end with an
 * exception from main once the server stopped.
 */
public final class JettyServer {

    private static final Logger LOG = LoggerFactory.getLogger(JettyServer.class);

    public static void main(String[] args) throws Exception {
        ConsentRobot.startIfRequested();
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Orders());
        server.start();
        try {
            Client client = new Client(connector.getLocalPort());
            Scenario.run(client, args);
        } finally {
            server.stop();
        }
        System.out.println("server stopped");
        if (Arrays.asList(args).contains("crash")) {
            throw new IllegalStateException("orders left open at shutdown");
        }
    }

    static final class Orders extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            String path = Request.getPathInContext(request);
            System.out.println("handling " + request.getMethod() + " " + path);
            if (path.startsWith("/orders/")) {
                Map<String, Integer> stock = Scenario.stockFor(path);
                response.setStatus(200);
                Content.Sink.write(response, true, "left: " + stock.get("apples"), callback); // NPE: no stock
                return true;
            }
            if (path.equals("/caught")) {
                try {
                    Scenario.stockFor(path).get("apples");
                } catch (RuntimeException e) {
                    LOG.error("order failed for " + path, e);
                }
                Response.writeError(request, response, callback, 500, "order failed");
                return true;
            }
            response.setStatus(200);
            Content.Sink.write(response, true, "ok", callback);
            return true;
        }
    }

    private JettyServer() {
    }
}
