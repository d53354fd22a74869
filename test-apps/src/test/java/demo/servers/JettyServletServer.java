package demo.servers;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * An embedded Jetty 12 running a servlet that throws a NullPointerException for {@code /orders/*}:
 * first argument {@code ee10} (jakarta.servlet) or {@code ee8} (javax.servlet), then the
 * arguments of {@link JettyServer}.
 */
public final class JettyServletServer {

    public static void main(String[] args) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        if (args[0].equals("ee8")) {
            org.eclipse.jetty.ee8.servlet.ServletContextHandler context =
                    new org.eclipse.jetty.ee8.servlet.ServletContextHandler(server, "/");
            context.addServlet(new org.eclipse.jetty.ee8.servlet.ServletHolder(new JavaxOrders()), "/*");
        } else {
            org.eclipse.jetty.ee10.servlet.ServletContextHandler context =
                    new org.eclipse.jetty.ee10.servlet.ServletContextHandler("/");
            context.addServlet(new org.eclipse.jetty.ee10.servlet.ServletHolder(new JakartaOrders()), "/*");
            server.setHandler(context);
        }
        server.start();
        try {
            Scenario.run(new Client(connector.getLocalPort()), Arrays.copyOfRange(args, 1, args.length));
        } finally {
            server.stop();
        }
        System.out.println("server stopped");
    }

    /** What both servlets answer: the stock left, or a NullPointerException for /orders/* (no stock). */
    static String answer(String method, String path) {
        System.out.println("handling " + method + " " + path);
        if (path.startsWith("/orders/")) {
            Map<String, Integer> stock = Scenario.stockFor(path);
            return "left: " + stock.get("apples"); // NPE: no stock
        }
        return "ok";
    }

    static final class JakartaOrders extends jakarta.servlet.http.HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(jakarta.servlet.http.HttpServletRequest request,
                             jakarta.servlet.http.HttpServletResponse response) throws IOException {
            response.getWriter().print(answer(request.getMethod(), request.getRequestURI()));
        }
    }

    static final class JavaxOrders extends javax.servlet.http.HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(javax.servlet.http.HttpServletRequest request,
                             javax.servlet.http.HttpServletResponse response) throws IOException {
            response.getWriter().print(answer(request.getMethod(), request.getRequestURI()));
        }
    }

    private JettyServletServer() {
    }
}
