package demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logs a synchronized list as a parameter, then fails inside its main loop while holding that
 * list's lock. Formatting the list later, on another thread, would wait for the lock the failing
 * thread holds while it waits for its report.
 */
public final class LockedList {

    private static final List<String> ITEMS = Collections.synchronizedList(new ArrayList<String>());
    private static final Logger LOG = Logger.getLogger("demo.LockedList");

    public static void main(String[] args) {
        ITEMS.add("apple");
        ITEMS.add("pear");
        LOG.log(Level.INFO, "items {0}", ITEMS);
        synchronized (ITEMS) {
            step();
        }
    }

    static void step() {
        throw new IllegalStateException("failed while holding the list");
    }
}
