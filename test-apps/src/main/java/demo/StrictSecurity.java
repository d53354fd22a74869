package demo;

import java.io.FilePermission;
import java.security.Permission;

/**
 * A program under a strict security manager (JDK 17, {@code -Djava.security.manager=allow}): no
 * file may be written or deleted, then the main loop fails.
 */
public class StrictSecurity {
    public static void tick() {
        throw new IllegalStateException("failed under a strict security manager");
    }

    @SuppressWarnings("removal")
    public static void main(String[] args) {
        System.setSecurityManager(new SecurityManager() {
            @Override
            public void checkPermission(Permission p) {
                if (p instanceof FilePermission && !p.getActions().equals("read")) {
                    throw new SecurityException("denied: " + p);
                }
                if (p instanceof java.lang.management.ManagementPermission) {
                    throw new SecurityException("denied: " + p);
                }
            }
        });
        tick();
    }
}
