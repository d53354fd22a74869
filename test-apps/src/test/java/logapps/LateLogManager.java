package logapps;

import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * Chooses its java.util.logging manager in its first line, as WildFly and Quarkus do, then logs
 * and fails. If anything had created the LogManager before main, the choice would be lost.
 */
public final class LateLogManager {

    public static void main(String[] args) {
        System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        Logger.getLogger("logapps.LateLogManager").info("late manager line");
        System.out.println("manager: " + LogManager.getLogManager().getClass().getName());
        throw new IllegalStateException("late manager app failed");
    }
}
