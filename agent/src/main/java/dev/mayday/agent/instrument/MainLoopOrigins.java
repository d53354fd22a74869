package dev.mayday.agent.instrument;

import java.util.ArrayList;
import java.util.List;

/**
 * Numbers each woven main-loop method. Woven code passes the number, not a string: the first
 * use of a string constant allocates it, and after an OutOfMemoryError that allocation would fail
 * inside the handler itself.
 */
public final class MainLoopOrigins {

    private static final List<String> ORIGINS = new ArrayList<String>();

    private MainLoopOrigins() {
    }

    /** @param origin {@code pattern|class.method} */
    static synchronized int register(String origin) {
        int index = ORIGINS.indexOf(origin);
        if (index >= 0) {
            return index;
        }
        ORIGINS.add(origin);
        return ORIGINS.size() - 1;
    }

    /** The origin woven under {@code id}, {@code pattern|class.method}. */
    public static synchronized String get(int id) {
        return id >= 0 && id < ORIGINS.size() ? ORIGINS.get(id) : "unknown|unknown";
    }

    /**
     * The origin of the outermost woven method on {@code stack} (its last frame that is one), or
     * null: the watchdog's way to name the call a stalled thread is in, which keeps the woven
     * code from storing it at every call.
     */
    public static synchronized String outermostIn(StackTraceElement[] stack) {
        for (int i = stack.length - 1; i >= 0; i--) {
            String method = stack[i].getClassName() + "." + stack[i].getMethodName();
            for (String origin : ORIGINS) {
                if (origin.endsWith("|" + method)) {
                    return origin;
                }
            }
        }
        return null;
    }
}
