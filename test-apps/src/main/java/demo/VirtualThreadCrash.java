package demo;

import java.lang.reflect.Method;

/** A virtual thread (JDK 21+) that dies of an exception. Built for 17, so started by reflection. */
public class VirtualThreadCrash {
    public static void main(String[] args) throws Exception {
        Runnable task = () -> {
            throw new UnsupportedOperationException("virtual worker gave up");
        };
        Method startVirtualThread = Thread.class.getMethod("startVirtualThread", Runnable.class);
        Thread t = (Thread) startVirtualThread.invoke(null, task);
        t.join();
        System.out.println("main goes on");
    }
}
