package demo;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logs {@code log(INFO, "received payload {0}", payload)} 400 times with a fresh 1 MiB payload
 * each time, as a service logging what it received. Under {@code -Xmx256m} it ends normally
 * without Mayday; a log ring that kept the parameters would pin 400 MiB. With {@code crash} it
 * then fails, so the report shows what the ring kept.
 */
public final class BigPayload {

    static final class Payload {
        final byte[] bytes = new byte[1024 * 1024];
        final int n;

        Payload(int n) {
            this.n = n;
        }

        @Override
        public String toString() {
            return "Payload#" + n + " (" + bytes.length + " bytes)";
        }
    }

    public static void main(String[] args) {
        Logger log = Logger.getLogger("demo.BigPayload");
        for (int i = 0; i < 400; i++) {
            log.log(Level.INFO, "received payload {0}", new Payload(i));
        }
        System.out.println("done");
        if (args.length > 0 && args[0].equals("crash")) {
            throw new IllegalStateException("after the payloads");
        }
    }
}
