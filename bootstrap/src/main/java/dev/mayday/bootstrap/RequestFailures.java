package dev.mayday.bootstrap;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Entry points woven into servers' request boundaries (kind {@code request}): the Servlet API's
 * {@code service} and {@code doFilter} (javax and jakarta), Jetty 12's core
 * {@code Handler.handle(Request, Response, Callback)}, and Netty's
 * {@code DefaultChannelPipeline.onUnhandledInboundException}.
 *
 * <p>Servlets and filters nest (a filter chain, a servlet calling {@code super.service}, a
 * forward), and a filter may catch what an inner one threw (Spring Security turns an
 * AccessDeniedException into a redirect). So woven methods count their depth per thread and
 * API, and a failure is reported only when it leaves the outermost one: that is the exception
 * the server itself catches and answers with 500. The request seen on entry to the outermost
 * one is kept for that moment, then let go.
 *
 * <p>The request's method and path are read by reflection on public interface methods
 * ({@code HttpServletRequest.getMethod}), looked up once per request class, so that nothing of
 * a server is ever loaded from Mayday's side. Everything here returns quickly when the agent is
 * not installed, never throws, and never changes what the server does with the failure.
 */
public final class RequestFailures {

    /** The API numbers woven code passes. */
    public static final int SERVLET = 0;
    public static final int JETTY = 1;
    private static final int APIS = 2;

    private static final ThreadLocal<Frame[]> FRAMES = new ThreadLocal<Frame[]>() {
        @Override
        protected Frame[] initialValue() {
            Frame[] frames = new Frame[APIS];
            for (int i = 0; i < APIS; i++) {
                frames[i] = new Frame();
            }
            return frames;
        }
    };

    /** Per request class: its public no-argument methods by name (null value: none). */
    private static final ClassValue<ConcurrentHashMap<String, Object>> METHODS =
            new ClassValue<ConcurrentHashMap<String, Object>>() {
                @Override
                protected ConcurrentHashMap<String, Object> computeValue(Class<?> type) {
                    return new ConcurrentHashMap<String, Object>(4);
                }
            };
    private static final Object NONE = new Object();

    private static volatile RequestSink sink;

    private RequestFailures() {
    }

    /** Connects woven code to the agent. */
    public static void install(RequestSink requestSink) {
        sink = requestSink;
    }

    /** Woven at the start of each request boundary method. */
    public static void enter(Object request, int api) {
        try {
            Frame f = FRAMES.get()[api];
            if (f.depth++ == 0) {
                f.request = request;
            }
        } catch (Throwable ignored) {
            // out of memory creating the thread's frames: nothing to count
        }
    }

    /** Woven before each normal return of a request boundary method. */
    public static void exit(int api) {
        try {
            Frame f = FRAMES.get()[api];
            if (f.depth > 0 && --f.depth == 0) {
                f.request = null;
            }
        } catch (Throwable ignored) {
            // see enter
        }
    }

    /** Woven into the handler that sees an exception leave a request boundary method; it is thrown on as it was. */
    public static void failed(Throwable failure, int api) {
        Object request;
        try {
            Frame f = FRAMES.get()[api];
            if (f.depth > 0 && --f.depth > 0) {
                return; // an outer servlet, filter or handler may still handle it
            }
            request = f.request;
            f.request = null;
        } catch (Throwable ignored) {
            return;
        }
        RequestSink s = sink();
        if (s == null || failure == null || request == null) {
            return;
        }
        if (!ReentrancyGuard.enter()) {
            return;
        }
        try {
            if (api == SERVLET) {
                s.requestFailed(failure, servletServer(request), text(request, "getMethod"),
                        text(request, "getRequestURI"));
            } else {
                Object uri = call(request, "getHttpURI");
                s.requestFailed(failure, "jetty", text(request, "getMethod"), uri == null ? null : text(uri, "getPath"));
            }
        } catch (Throwable ignored) {
            // the server answers 500 as it would have
        } finally {
            ReentrancyGuard.exit();
        }
    }

    /** The sink, once the agent has started (a failure in its first moments waits for it). */
    private static RequestSink sink() {
        RequestSink s = sink;
        if (s == null) {
            Bridge.awaitStart(); // returns at once when the agent is not starting
            s = sink;
        }
        return s;
    }

    /** Woven at the start of Netty's {@code DefaultChannelPipeline.onUnhandledInboundException}. */
    public static void unhandledInNetty(Object pipeline, Throwable failure) {
        RequestSink s = sink();
        if (s == null || failure == null || !ReentrancyGuard.enter()) {
            return;
        }
        try {
            s.requestFailed(failure, "netty", null, null);
        } catch (Throwable ignored) {
            // Netty logs it as it would have
        } finally {
            ReentrancyGuard.exit();
        }
    }

    /** {@code Apache Tomcat/11.0.27}, {@code jetty/12.1.14}: the container's own name for itself. */
    private static String servletServer(Object request) {
        Object context = call(request, "getServletContext");
        String info = context == null ? null : text(context, "getServerInfo");
        return info != null ? info : "servlet";
    }

    private static String text(Object target, String method) {
        Object value = call(target, method);
        return value == null ? null : String.valueOf(value);
    }

    /** Calls a public no-argument method of {@code target} through a public type; null if there is none or it throws. */
    private static Object call(Object target, String name) {
        try {
            ConcurrentHashMap<String, Object> byName = METHODS.get(target.getClass());
            Object m = byName.get(name);
            if (m == null) {
                Method found = publicMethod(target.getClass(), name);
                m = found == null ? NONE : found;
                byName.put(name, m);
            }
            return m == NONE ? null : ((Method) m).invoke(target);
        } catch (Throwable e) {
            return null;
        }
    }

    /**
     * The method as declared by a public class or interface in the hierarchy: the class of a
     * server's request object is often not public itself, but the API interface is.
     */
    private static Method publicMethod(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            Method m = declaredPublic(c, name);
            if (m != null) {
                return m;
            }
            Method fromInterface = inInterfaces(c.getInterfaces(), name);
            if (fromInterface != null) {
                return fromInterface;
            }
        }
        return null;
    }

    private static Method inInterfaces(Class<?>[] interfaces, String name) {
        for (Class<?> i : interfaces) {
            Method m = declaredPublic(i, name);
            if (m == null) {
                m = inInterfaces(i.getInterfaces(), name);
            }
            if (m != null) {
                return m;
            }
        }
        return null;
    }

    private static Method declaredPublic(Class<?> c, String name) {
        if (!Modifier.isPublic(c.getModifiers())) {
            return null;
        }
        try {
            Method m = c.getDeclaredMethod(name);
            return Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()) ? m : null;
        } catch (NoSuchMethodException | SecurityException | LinkageError e) {
            return null;
        }
    }

    /** One API's nesting on one thread, and the outermost request while it is under way. */
    private static final class Frame {
        int depth;
        Object request;
    }
}
