package demo;

import java.lang.reflect.Method;

/**
 * Says whether Mayday's memory reserve is set aside before the program's first garbage
 * collection and after it (the reserve is Mayday's bootstrap class {@code MemoryReserve}; without
 * the agent the class is not there).
 */
public class ReserveWatch {
    public static void main(String[] args) throws Exception {
        Method held = Class.forName("dev.mayday.bootstrap.MemoryReserve", false, null).getMethod("held");
        Thread.sleep(1500); // Mayday's start-up task has long run by now
        System.out.println("before a collection: " + held.invoke(null));
        System.gc();
        for (int i = 0; i < 100 && !(Boolean) held.invoke(null); i++) {
            Thread.sleep(50); // the JDK's cleaner thread takes it a moment after the collection
        }
        System.out.println("after a collection: " + held.invoke(null));
    }
}
