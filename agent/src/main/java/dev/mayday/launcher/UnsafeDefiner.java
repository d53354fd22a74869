package dev.mayday.launcher;

import jdk.internal.misc.Unsafe;

/**
 * Defines a class in the bootstrap class loader. Compiled against {@code jdk.internal.misc}
 * (exported to the compiler only), and linked only after {@link BootstrapInjector} has exported
 * that package to this module at run time: a direct call, not a reflective one, which on JDK 18+
 * would cost tens of milliseconds of start-up for its first use.
 */
final class UnsafeDefiner {

    private UnsafeDefiner() {
    }

    /** Defines the class whose file is the first {@code length} of {@code bytes}. */
    static void defineInBootstrapLoader(String name, byte[] bytes, int length) {
        Unsafe.getUnsafe().defineClass(name, bytes, 0, length, null, null);
    }
}
