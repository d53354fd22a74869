package demo;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Task failures a program keeps without knowing: {@code args[0]} picks how the task is run and
 * whether its outcome is read. The program always ends normally (status 0).
 */
public class SwallowedTasks {

    static final List<Object> KEPT = new ArrayList<>();

    static String failOrder() {
        throw new IllegalStateException("order 42 lost");
    }

    static final Callable<String> FAILING = SwallowedTasks::failOrder;

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        ExecutorService pool = Executors.newFixedThreadPool(2);
        switch (mode) {
            case "dropped": // submit, never look: the Future is garbage later
                pool.submit(FAILING);
                break;
            case "kept": // kept for ever, never read
                KEPT.add(pool.submit(FAILING));
                break;
            case "read": { // the program looks: nobody needs Mayday
                Future<String> f = pool.submit(FAILING);
                try {
                    f.get();
                } catch (ExecutionException e) {
                    System.out.println("caught " + e.getCause().getMessage());
                }
                // Read after the failure is stored: a read racing the failure itself can still be
                // taken for no read (known gap, docs/decisions.md).
                CompletableFuture<String> c = CompletableFuture.supplyAsync(SwallowedTasks::failOrder);
                Thread.sleep(300);
                System.out.println("handled " + c.exceptionally(t -> "fallback").join());
                CompletableFuture<String> d = CompletableFuture.supplyAsync(SwallowedTasks::failOrder);
                Thread.sleep(300);
                try {
                    d.join();
                } catch (RuntimeException e) {
                    System.out.println("joined " + e.getCause().getMessage());
                }
                break;
            }
            case "periodic": {
                ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor();
                AtomicInteger runs = new AtomicInteger();
                s.scheduleAtFixedRate(() -> {
                    if (runs.incrementAndGet() == 3) {
                        failOrder();
                    }
                }, 0, 50, TimeUnit.MILLISECONDS);
                Thread.sleep(1500);
                System.out.println("runs " + runs.get());
                s.shutdownNow();
                break;
            }
            case "completable":
                CompletableFuture.supplyAsync(SwallowedTasks::failOrder);
                break;
            case "chain":
                CompletableFuture.supplyAsync(SwallowedTasks::failOrder).thenApply(String::length);
                break;
            case "forkjoin":
                ForkJoinPool.commonPool().submit(FAILING);
                break;
            case "virtual": {
                ExecutorService v = (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor")
                        .invoke(null);
                v.submit(FAILING);
                break;
            }
            default:
                throw new IllegalArgumentException(mode);
        }
        // Give the collector its chance: the task is done and nothing refers to its future.
        for (int i = 0; i < 12; i++) {
            Thread.sleep(250);
            System.gc();
        }
        Thread.sleep(500);
        pool.shutdown();
        System.out.println("done " + mode);
    }
}
