package demo;

import java.util.concurrent.CountDownLatch;

/** {@code args[0]} threads (default 50) all fail at the same moment, each with its own bug. */
public class ManyThreads {
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        CountDownLatch go = new CountDownLatch(1);
        Thread[] threads = new Thread[n];
        for (int i = 0; i < n; i++) {
            final int id = i;
            threads[i] = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                throw new IllegalStateException("worker " + id + " failed");
            }, "worker-" + i);
            threads[i].start();
        }
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        System.out.println("all " + n + " workers ended");
    }
}
