package demo.servers;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/**
 * An embedded Tomcat with one servlet behind one filter: the servlet throws a
 * NullPointerException for {@code /orders/*}; for {@code /denied} it throws a SecurityException
 * that the filter catches and answers with 403 itself (as Spring Security does), which is no
 * failure of the server's. Arguments as {@link JettyServer}'s, and {@code denied}.
 */
public final class TomcatServer {

    public static void main(String[] args) throws Exception {
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("tomcat").toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "orders", new Orders());
        context.addServletMappingDecoded("/*", "orders");
        FilterDef guard = new FilterDef();
        guard.setFilterName("guard");
        guard.setFilter(new Guard());
        context.addFilterDef(guard);
        FilterMap map = new FilterMap();
        map.setFilterName("guard");
        map.addURLPattern("/*");
        context.addFilterMap(map);
        tomcat.start();
        try {
            Scenario.run(new Client(connector.getLocalPort()), args);
        } finally {
            tomcat.stop();
            tomcat.destroy();
        }
        System.out.println("server stopped");
    }

    static final class Orders extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String path = request.getRequestURI();
            System.out.println("handling " + request.getMethod() + " " + path);
            if (path.startsWith("/orders/")) {
                Map<String, Integer> stock = Scenario.stockFor(path);
                response.getWriter().print("left: " + stock.get("apples")); // NPE: no stock
                return;
            }
            if (path.equals("/denied")) {
                throw new SecurityException("not signed in");
            }
            response.getWriter().print("ok");
        }
    }

    /** Answers a SecurityException from further in with 403, as a security filter does. */
    static final class Guard implements Filter {
        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            try {
                chain.doFilter(request, response);
            } catch (SecurityException e) {
                ((HttpServletResponse) response).sendError(403);
            }
        }
    }

    private TomcatServer() {
    }
}
