package logapps;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** java.util.logging records bridged into SLF4J (jul-to-slf4j), then it fails. */
public final class JulBridgeApp {

    public static void main(String[] args) {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        Logger log = Logger.getLogger("logapps.JulBridgeApp");
        log.log(Level.INFO, "bridged {0} of {1}", new Object[] {1, 2});
        log.info("bridged plain");
        throw new IllegalStateException("bridge app failed");
    }
}
