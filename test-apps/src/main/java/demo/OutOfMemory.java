package demo;

import java.util.ArrayList;
import java.util.List;

/** A main loop that keeps everything it ever loaded: OutOfMemoryError (run with a small -Xmx). */
public class OutOfMemory {
    static final List<long[]> CACHE = new ArrayList<>();

    public static void load() {
        while (true) {
            CACHE.add(new long[64 * 1024]);
        }
    }

    public static void main(String[] args) {
        load();
    }
}
