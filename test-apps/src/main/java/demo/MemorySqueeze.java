package demo;

import java.util.ArrayList;
import java.util.List;

/**
 * A program that runs out of memory for a while and recovers (a cache that overflows, is dropped,
 * and the program goes on), then fails twice on worker threads. Its first failure comes while the
 * heap is still full; the later ones after the squeeze. Run with a small {@code -Xmx}.
 */
public class MemorySqueeze {
    public static void main(String[] args) throws Exception {
        final RuntimeException duringSqueeze = new IllegalArgumentException("failed while memory was short");
        // Made before the squeeze: with the heap full the program itself could not make them.
        Thread squeezed = new Thread(() -> {
            throw duringSqueeze;
        }, "squeezed-worker");
        List<byte[]> hog = new ArrayList<>(100_000);
        long began = System.currentTimeMillis();
        long end = began + 4000;
        int squeezes = 0;
        boolean failed = false;
        while (System.currentTimeMillis() < end) {
            try {
                while (true) {
                    hog.add(new byte[256 * 1024]);
                }
            } catch (OutOfMemoryError full) {
                squeezes++;
            }
            // A little room for the program's own next steps; the heap stays all but full.
            hog.remove(hog.size() - 1);
            hog.remove(hog.size() - 1);
            if (!failed && System.currentTimeMillis() - began > 3000) {
                failed = true;
                // Fails with the heap full: the first report is attempted with no memory to spare.
                try {
                    squeezed.start();
                    squeezed.join(15000);
                } catch (Throwable e) {
                    // no memory for the thread: the later failures still count
                }
            }
            Thread.sleep(200); // the full heap stays full a while: every thread that wakes meets it
            hog.clear();
            Thread.sleep(50);
        }
        hog = null;
        System.gc();
        System.out.println("squeezes " + squeezes);
        for (int i = 1; i <= 2; i++) {
            final int n = i;
            Thread worker = new Thread(() -> {
                throw new IllegalStateException("worker " + n + " failed after the squeeze");
            }, "late-worker-" + n);
            long start = System.nanoTime();
            worker.start();
            worker.join();
            System.out.println("late worker " + n + " ended after " + (System.nanoTime() - start) / 1_000_000 + " ms");
        }
    }
}
