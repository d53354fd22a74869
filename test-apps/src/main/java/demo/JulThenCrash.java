package demo;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logs through java.util.logging (under {@code -Djava.util.logging.manager=org.jboss.logmanager.LogManager}
 * that is JBoss LogManager's loggers) and through {@code System.Logger}, then fails.
 */
public final class JulThenCrash {

    public static void main(String[] args) {
        Logger log = Logger.getLogger("demo.JulThenCrash");
        log.log(Level.INFO, "jul {0} of {1}", new Object[] {1, 2});
        System.Logger system = System.getLogger("demo.system");
        system.log(System.Logger.Level.INFO, "system logger {0}", "line");
        throw new IllegalStateException("after logging: " + log.getClass().getName());
    }
}
