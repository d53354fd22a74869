package logapps;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** Logs through the Log4j2 API with parameters, then fails. */
public final class Log4j2App {

    private static final Logger LOG = LogManager.getLogger(Log4j2App.class);

    public static void main(String[] args) {
        LOG.info("order {} shipped to {}", 42, "Oslo");
        LOG.info("stock for {} is {}", new Slf4jApp.Item("pear"), 7L);
        LOG.warn("retrying {}", "payment", new java.io.IOException("connection reset"));
        LOG.trace("never {}", "kept");
        throw new IllegalStateException("checkout failed");
    }
}
