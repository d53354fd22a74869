package dev.mayday.agent.report;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.TimeZone;

/**
 * The id of the JVM's default time zone. {@code TimeZone.getDefault()} first loads the JDK's
 * whole time-zone database (5 to 10 ms, interpreted, on the first report of a program that never
 * used a time zone). Where that has not happened yet, on Linux, the id is the one the JDK itself
 * would find: the zone {@code /etc/localtime} links to, when {@code TZ} is not set and
 * {@code /etc/timezone} (which some JDK builds read first) names the same zone or is absent.
 * Anything less plain (a copied zone file, {@code TZ}, a disagreement) asks TimeZone.
 */
final class DefaultTimeZone {

    private static final String ZONEINFO = "/zoneinfo/";

    private DefaultTimeZone() {
    }

    static String id() {
        String known = System.getProperty("user.timezone");
        if (known == null || known.isEmpty()) {
            String linked = fromLinks();
            if (linked != null) {
                return linked;
            }
        }
        return TimeZone.getDefault().getID();
    }

    /** The zone /etc/localtime links to, or null when the JDK might decide otherwise. */
    static String fromLinks() {
        try {
            String tz = System.getenv("TZ");
            if (tz != null && !tz.isEmpty()) {
                return null;
            }
            if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
                return null;
            }
            Path localtime = Paths.get("/etc/localtime");
            if (!Files.isSymbolicLink(localtime)) {
                return null;
            }
            String target = Files.readSymbolicLink(localtime).toString();
            int at = target.lastIndexOf(ZONEINFO);
            if (at < 0) {
                return null;
            }
            String zone = target.substring(at + ZONEINFO.length());
            if (!plausible(zone) || zone.startsWith("posix/") || zone.startsWith("right/")) {
                return null;
            }
            File debian = new File("/etc/timezone");
            if (debian.exists()) {
                String named = new String(Files.readAllBytes(debian.toPath()), StandardCharsets.UTF_8).trim();
                if (!named.equals(zone)) {
                    return null;
                }
            }
            return zone;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Area/Location letters as the zone database names them. */
    private static boolean plausible(String zone) {
        if (zone.isEmpty() || zone.length() > 64 || zone.startsWith("/") || zone.contains("..")) {
            return false;
        }
        for (int i = 0; i < zone.length(); i++) {
            char c = zone.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/' || c == '_'
                    || c == '-' || c == '+')) {
                return false;
            }
        }
        return true;
    }
}
