package demo;

import java.lang.reflect.Field;

/** Crashes the JVM itself: a write to address 0 through sun.misc.Unsafe (SIGSEGV, an hs_err file). */
public class JvmCrash {
    static void poke(sun.misc.Unsafe unsafe) {
        unsafe.putAddress(0L, 42L);
    }

    public static void main(String[] args) throws Exception {
        Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
        f.setAccessible(true);
        System.out.println("crashing");
        System.out.flush();
        poke((sun.misc.Unsafe) f.get(null));
    }
}
