package logapps;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service that catches its failures and logs them, then goes on. {@code once}: one error with
 * its exception; {@code burst}: a thousand in about a second; {@code plain}: an error without one.
 * It ends normally (status 0) after a pause that leaves Mayday time to write.
 */
public final class LoggingService {

    private static final Logger LOG = LoggerFactory.getLogger(LoggingService.class);

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "once";
        int count = mode.equals("burst") ? 1000 : 1;
        for (int i = 0; i < count; i++) {
            try {
                handle(i);
            } catch (IllegalStateException e) {
                if (mode.equals("plain")) {
                    LOG.error("request {} failed: {}", i, e.getMessage());
                } else {
                    LOG.error("request {} failed", i, e);
                }
            }
            if (count > 1) {
                Thread.sleep(1);
            }
        }
        System.out.println("service still running");
        Thread.sleep(3000);
        System.out.println("service done");
    }

    static void handle(int request) {
        throw new IllegalStateException("no stock for request " + request);
    }
}
