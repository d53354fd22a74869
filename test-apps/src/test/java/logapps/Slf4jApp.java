package logapps;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs through the SLF4J API only (1.7 and 2.x alike), so it runs on any provider: Logback,
 * Log4j2, java.util.logging. A few records with parameters, one with an exception, then it fails.
 */
public final class Slf4jApp {

    private static final Logger LOG = LoggerFactory.getLogger(Slf4jApp.class);

    public static void main(String[] args) {
        LOG.info("order {} shipped to {}", 42, "Oslo");
        LOG.info("stock for {} is {}", new Item("pear"), 7L);
        LOG.warn("retrying {}", "payment", new java.io.IOException("connection reset"));
        LOG.trace("never {}", "kept: below every enabled level");
        throw new IllegalStateException("checkout failed");
    }

    static final class Item {
        final String name;

        Item(String name) {
            this.name = name;
        }

        @Override
        public String toString() {
            return "Item(" + name + ")";
        }
    }
}
