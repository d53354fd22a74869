package benchapp;

/**
 * The main loop {@code dev.mayday.bench.CrashToDisk} wraps ({@code mainLoop=benchapp.Crasher#crash}).
 *
 * <p>It lives outside {@code dev.mayday}: the agent never weaves classes under {@code dev/mayday/},
 * taking them all for its own, so a main loop in {@code dev.mayday.bench} would stay unwrapped.
 */
public final class Crasher {

    /** System.nanoTime just before the last throw; read by the caller's catch, same thread. */
    public static long thrownAt;

    private Crasher() {
    }

    /** Fails at once, with a message distinct per call. */
    public static void crash(int n) {
        thrownAt = System.nanoTime();
        throw new IllegalStateException("benchmark crash number " + n);
    }
}
