package dev.mayday.agent.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The data half of telling the application's frames from the rest: the skip list (JDK,
 * reflection, generated and Mayday frames, never anybody's code) and the library prefix list
 * (well-known frameworks), Socorro-style. The lists live in {@code frame-rules.properties},
 * because signature rules that are too coarse or too fine both hurt and will be tuned. The
 * evidence that needs the running program (main jar, Maven metadata) is {@link InAppFrames}.
 */
public final class FrameRules {

    private final String[] skipPrefixes;
    private final String[] skipContains;
    private final String[] libraryPrefixes;
    private final int signatureFrames;

    FrameRules(String[] skipPrefixes, String[] skipContains, String[] libraryPrefixes, int signatureFrames) {
        this.skipPrefixes = skipPrefixes;
        this.skipContains = skipContains;
        this.libraryPrefixes = libraryPrefixes;
        this.signatureFrames = signatureFrames;
    }

    FrameRules(String[] skipPrefixes, String[] skipContains, int signatureFrames) {
        this(skipPrefixes, skipContains, new String[0], signatureFrames);
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
                split(p.getProperty("library.prefixes", "")),
                Integer.parseInt(p.getProperty("signature.frames", "3").trim()));
    }

    private static String[] split(String list) {
        String[] parts = list.split(",");
        for (int i = 0; i < parts.length; i++) {
            parts[i] = parts[i].trim();
        }
        return parts;
    }

    /** True for frames nobody wrote by hand or that are not the program's: JDK, generated, Mayday. */
    public boolean skipped(String className) {
        for (String c : skipContains) {
            if (!c.isEmpty() && className.contains(c)) {
                return true;
            }
        }
        return startsWithAny(className, skipPrefixes);
    }

    /** True for generated classes only (lambda proxies, CGLIB, reflection accessors...). */
    boolean generated(String className) {
        for (String c : skipContains) {
            if (!c.isEmpty() && className.contains(c)) {
                return true;
            }
        }
        return false;
    }

    /** True for classes of a well-known library or framework. */
    boolean knownLibrary(String className) {
        return startsWithAny(className, libraryPrefixes);
    }

    /**
     * True if a frame of this class may be the application's, by the name alone: not skipped and
     * not a known library. {@link InAppFrames} weighs the rest of the evidence.
     */
    public boolean inApplication(String className) {
        return !skipped(className) && !knownLibrary(className);
    }

    public int signatureFrames() {
        return signatureFrames;
    }

    static boolean startsWithAny(String className, String[] prefixes) {
        for (String p : prefixes) {
            if (!p.isEmpty() && className.startsWith(p)) {
                return true;
            }
        }
        return false;
    }
}
