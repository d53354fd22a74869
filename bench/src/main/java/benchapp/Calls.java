package benchapp;

import org.openjdk.jmh.annotations.CompilerControl;

/**
 * Small methods for {@code dev.mayday.bench.MainLoopCallBenchmark}: the {@code wrapped*} ones are
 * main loops ({@code mainLoop=benchapp.Calls#wrapped*}), the {@code plain*} ones the same code
 * unwrapped. Outside {@code dev.mayday} because the agent never weaves its own packages.
 */
public final class Calls {

    private Calls() {
    }

    public static long wrappedStep(long x) {
        return x * 31 + 7;
    }

    public static long plainStep(long x) {
        return x * 31 + 7;
    }

    /** Not inlined: the cost of a real call into a wrapped method. */
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    public static long wrappedStepCalled(long x) {
        return x * 31 + 7;
    }

    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    public static long plainStepCalled(long x) {
        return x * 31 + 7;
    }
}
