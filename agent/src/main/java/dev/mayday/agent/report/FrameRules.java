package dev.mayday.agent.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Tells in-application frames from JDK, reflection, generated and Mayday frames. The lists are
 * data, in {@code frame-rules.properties}, because signature rules that are too coarse or too
 * fine both hurt and will be tuned.
 */
public final class FrameRules {

    private final String[] skipPrefixes;
    private final String[] skipContains;
    private final int signatureFrames;

    FrameRules(String[] skipPrefixes, String[] skipContains, int signatureFrames) {
        this.skipPrefixes = skipPrefixes;
        this.skipContains = skipContains;
        this.signatureFrames = signatureFrames;
    }

    /** The rules shipped in the agent jar. */
    public static FrameRules standard() {
        Properties p = new Properties();
        try (InputStream in = FrameRules.class.getResourceAsStream("frame-rules.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException ignored) {
            // fall back to the built-in lists below
        }
        return new FrameRules(
                split(p.getProperty("skip.prefixes", "java.,javax.,jdk.,sun.,com.sun.,dev.mayday.agent.,dev.mayday.bootstrap.")),
                split(p.getProperty("skip.contains", "$$Lambda,$Proxy")),
                Integer.parseInt(p.getProperty("signature.frames", "3").trim()));
    }

    private static String[] split(String list) {
        String[] parts = list.split(",");
        for (int i = 0; i < parts.length; i++) {
            parts[i] = parts[i].trim();
        }
        return parts;
    }

    /** True if a frame of this class is the application's own (or a library's it ships). */
    public boolean inApplication(String className) {
        for (String p : skipPrefixes) {
            if (!p.isEmpty() && className.startsWith(p)) {
                return false;
            }
        }
        for (String c : skipContains) {
            if (!c.isEmpty() && className.contains(c)) {
                return false;
            }
        }
        return true;
    }

    public int signatureFrames() {
        return signatureFrames;
    }
}
