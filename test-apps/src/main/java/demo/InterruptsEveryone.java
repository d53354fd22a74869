package demo;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;

/**
 * Interrupts every other thread of the JVM (as a careless shutdown routine might), idles 2 s and
 * prints the CPU the whole process used while it idled, then fails: its report must still come.
 */
public class InterruptsEveryone {
    public static void main(String[] args) throws Exception {
        Thread.sleep(1000); // Mayday's threads are up and waiting
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t != Thread.currentThread()) {
                t.interrupt();
            }
        }
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long before = os.getProcessCpuTime();
        Thread.sleep(2000);
        long used = (os.getProcessCpuTime() - before) / 1_000_000;
        System.out.println("cpu while idle: " + used + " ms");
        throw new IllegalStateException("after the interrupts");
    }
}
