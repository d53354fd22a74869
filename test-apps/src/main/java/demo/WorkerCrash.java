package demo;

import java.util.logging.Logger;

/**
 * A worker thread dies of an exception nobody catches. Before that the application installs its
 * own default handler (as many do, and as libraries do behind its back). The main thread goes on
 * and exits 0: without Mayday the failure leaves only a line on stderr.
 */
public class WorkerCrash {
    public static void main(String[] args) throws Exception {
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> System.out.println("app handler saw " + e + " on " + t.getName()));
        Logger.getLogger("demo.worker").warning("starting worker");
        Thread worker = new Thread(() -> {
            Logger.getLogger("demo.worker").info("worker parsing config");
            Integer.parseInt("forty-two");
        }, "config-worker");
        worker.start();
        worker.join();
        System.out.println("main goes on");
    }
}
