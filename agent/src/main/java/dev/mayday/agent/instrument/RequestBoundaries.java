package dev.mayday.agent.instrument;

import java.nio.charset.StandardCharsets;

/**
 * Which methods are a server's request boundary (kind {@code request}), by name and descriptor,
 * so that no class hierarchy has to be known: any class, in any class loader, that declares
 * {@code service(ServletRequest, ServletResponse)} or {@code doFilter(ServletRequest,
 * ServletResponse, FilterChain)} of javax or jakarta servlets, or Jetty 12's core
 * {@code handle(Request, Response, Callback)}. Netty's pipeline tail is one known JDK-free method.
 */
final class RequestBoundaries {

    static final String NETTY_PIPELINE = "io/netty/channel/DefaultChannelPipeline";
    static final String NETTY_METHOD = "onUnhandledInboundException";
    static final String NETTY_DESCRIPTOR = "(Ljava/lang/Throwable;)V";

    private static final String JETTY_HANDLE =
            "(Lorg/eclipse/jetty/server/Request;Lorg/eclipse/jetty/server/Response;Lorg/eclipse/jetty/util/Callback;)Z";

    // Byte marks for the cheap check every loaded class goes through: a class that declares (or
    // calls) one of the methods has its descriptor in its constant pool.
    // "Request;L" is in both; looked for first, it keeps the check to one pass over most classes.
    private static final byte[] COMMON_MARK = ascii("Request;L");
    private static final byte[] SERVLET_MARK = ascii("/servlet/ServletRequest;L");
    private static final byte[] JETTY_MARK = ascii(JETTY_HANDLE);

    private RequestBoundaries() {
    }

    /** False when the class certainly declares no boundary method (most classes), without parsing it. */
    static boolean mayDeclare(String className, byte[] bytes) {
        if (className.equals(NETTY_PIPELINE)) {
            return true;
        }
        return MainLoopRules.indexOf(bytes, COMMON_MARK) >= 0 && (MainLoopRules.indexOf(bytes, SERVLET_MARK) >= 0
                || MainLoopRules.indexOf(bytes, JETTY_MARK) >= 0);
    }

    /** The {@code RequestFailures} API number of this method, or -1 if it is no request boundary. */
    static int api(String name, String descriptor) {
        if (name.equals("service")) {
            return descriptor.equals("(Ljakarta/servlet/ServletRequest;Ljakarta/servlet/ServletResponse;)V")
                    || descriptor.equals("(Ljavax/servlet/ServletRequest;Ljavax/servlet/ServletResponse;)V")
                    ? dev.mayday.bootstrap.RequestFailures.SERVLET : -1;
        }
        if (name.equals("doFilter")) {
            return descriptor.equals("(Ljakarta/servlet/ServletRequest;Ljakarta/servlet/ServletResponse;"
                    + "Ljakarta/servlet/FilterChain;)V")
                    || descriptor.equals("(Ljavax/servlet/ServletRequest;Ljavax/servlet/ServletResponse;"
                    + "Ljavax/servlet/FilterChain;)V")
                    ? dev.mayday.bootstrap.RequestFailures.SERVLET : -1;
        }
        if (name.equals("handle") && descriptor.equals(JETTY_HANDLE)) {
            return dev.mayday.bootstrap.RequestFailures.JETTY;
        }
        return -1;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
