package demo;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Two deadlocks: two threads taking two monitors in opposite order, and two taking two
 * ReentrantLocks in opposite order. Daemon threads: main ends after {@code args[0]} seconds.
 */
public class Deadlocks {
    static final Object ACCOUNTS = new Object();
    static final Object LEDGER = new Object();
    static final ReentrantLock CACHE = new ReentrantLock();
    static final ReentrantLock INDEX = new ReentrantLock();

    static void transfer(Object first, Object second, CountDownLatch both) throws InterruptedException {
        synchronized (first) {
            both.countDown();
            both.await();
            synchronized (second) {
                System.out.println("never");
            }
        }
    }

    static void reindex(ReentrantLock first, ReentrantLock second, CountDownLatch both) throws InterruptedException {
        first.lock();
        try {
            both.countDown();
            both.await();
            second.lock();
            second.unlock();
        } finally {
            first.unlock();
        }
    }

    static void start(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }

    public static void main(String[] args) throws Exception {
        CountDownLatch monitors = new CountDownLatch(2);
        CountDownLatch locks = new CountDownLatch(2);
        start("teller-1", () -> run(() -> transfer(ACCOUNTS, LEDGER, monitors)));
        start("teller-2", () -> run(() -> transfer(LEDGER, ACCOUNTS, monitors)));
        start("indexer-1", () -> run(() -> reindex(CACHE, INDEX, locks)));
        start("indexer-2", () -> run(() -> reindex(INDEX, CACHE, locks)));
        Thread.sleep((long) (Double.parseDouble(args[0]) * 1000));
        System.out.println("done");
    }

    interface Body {
        void run() throws InterruptedException;
    }

    static void run(Body b) {
        try {
            b.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
