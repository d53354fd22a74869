package demo;

import java.awt.EventQueue;

/**
 * An exception on the AWT event thread, which catches it itself and goes on. The main thread
 * checks after {@code args[0]} seconds (default 1.5) that the event thread still serves.
 */
public class AwtCrash {
    public static void main(String[] args) throws Exception {
        demo.robot.ConsentRobot.startIfRequested();
        EventQueue.invokeAndWait(() -> System.out.println("on " + Thread.currentThread().getName()));
        EventQueue.invokeLater(() -> {
            Object[] items = new Object[2];
            System.out.println(items[5]);
        });
        Thread.sleep(args.length > 0 ? (long) (Double.parseDouble(args[0]) * 1000) : 1500);
        EventQueue.invokeAndWait(() -> System.out.println("event thread still serving"));
        System.exit(0);
    }
}
