package demo;

import java.util.concurrent.CountDownLatch;

/** {@code args[0]} daemon threads (default 80) fail just as main returns. */
public class DaemonsAtExit {
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 80;
        CountDownLatch go = new CountDownLatch(1);
        for (int i = 0; i < n; i++) {
            final int id = i;
            Thread t = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                Bugs.fail(id);
            }, "daemon-" + i);
            t.setDaemon(true);
            t.start();
        }
        System.out.println("main returns");
        go.countDown();
    }
}
