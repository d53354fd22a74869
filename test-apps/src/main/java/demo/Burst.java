package demo;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;

/**
 * A big server JVM: {@code args[0]} threads alive (parked daemons), of which {@code args[1]} fail
 * at the same moment, each with its own bug. With {@code args[2]} = {@code wait}, main then prints
 * {@code all failed} on stderr and waits to be killed; otherwise it returns once they ended.
 */
public class Burst {
    public static void main(String[] args) throws Exception {
        int alive = Integer.parseInt(args[0]);
        int failing = Integer.parseInt(args[1]);
        boolean waitForKill = args.length > 2 && args[2].equals("wait");
        for (int i = 0; i < alive - failing; i++) {
            Thread t = new Thread(() -> {
                while (true) {
                    LockSupport.park();
                }
            }, "idle-" + i);
            t.setDaemon(true);
            t.start();
        }
        CountDownLatch go = new CountDownLatch(1);
        Thread[] threads = new Thread[failing];
        for (int i = 0; i < failing; i++) {
            final int id = i;
            threads[i] = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                Bugs.fail(id);
            }, "burst-" + i);
            threads[i].start();
        }
        go.countDown();
        if (waitForKill) {
            Thread.sleep(300); // every one of them has thrown by now
            System.err.println("all failed");
            Thread.sleep(600_000);
        }
        for (Thread t : threads) {
            t.join();
        }
        System.out.println("all " + failing + " ended");
    }
}
