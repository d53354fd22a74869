package dev.mayday.agent.report;

import java.lang.instrument.Instrumentation;
import java.net.URL;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the jar a frame's class came from. A stack trace names classes, not jars, so the loaded
 * classes are looked up once per report and the answers kept. Only the jar's file name is
 * reported: full paths often name the user. The full location (jar or class directory) is kept
 * in memory for {@link InAppFrames}, which reads jars' Maven metadata and class files itself.
 */
public final class FrameLocator {

    private static final String NONE = "";

    private final Instrumentation inst;
    private final Map<String, String> jarByClass = new ConcurrentHashMap<String, String>();
    private final Map<String, String> locationByClass = new ConcurrentHashMap<String, String>();

    public FrameLocator(Instrumentation inst) {
        this.inst = inst;
    }

    /** Looks up every class in {@code classNames} not yet known, with one pass over the loaded classes. */
    void learn(Set<String> classNames) {
        if (inst == null) {
            return;
        }
        Map<String, Boolean> wanted = new HashMap<String, Boolean>();
        for (String name : classNames) {
            if (!jarByClass.containsKey(name)) {
                wanted.put(name, Boolean.TRUE);
            }
        }
        if (wanted.isEmpty()) {
            return;
        }
        for (Class<?> c : inst.getAllLoadedClasses()) {
            String name = c.getName();
            if (wanted.remove(name) != null) {
                String location = locationOf(c);
                locationByClass.put(name, location);
                jarByClass.put(name, location.endsWith(".jar") ? location.substring(location.lastIndexOf('/') + 1) : NONE);
                if (wanted.isEmpty()) {
                    break;
                }
            }
        }
        for (String missing : wanted.keySet()) {
            jarByClass.put(missing, NONE);
            locationByClass.put(missing, NONE);
        }
    }

    /** The jar file name of a class seen by {@link #learn}, or null. */
    String jar(String className) {
        String jar = jarByClass.get(className);
        return jar == null || jar.isEmpty() ? null : jar;
    }

    /**
     * The full path of the jar or class directory a class seen by {@link #learn} came from, or
     * null (JDK classes, classes defined at run time).
     */
    String location(String className) {
        String location = locationByClass.get(className);
        return location == null || location.isEmpty() ? null : location;
    }

    /** Records where a class came from without looking it up (tests, and classes known otherwise). */
    void remember(String className, String location) {
        locationByClass.put(className, location == null ? NONE : location);
        jarByClass.put(className, location != null && location.endsWith(".jar")
                ? location.substring(location.lastIndexOf('/') + 1) : NONE);
    }

    private static String locationOf(Class<?> c) {
        try {
            if (c.getClassLoader() == null) {
                return NONE;
            }
            ProtectionDomain pd = c.getProtectionDomain();
            CodeSource cs = pd == null ? null : pd.getCodeSource();
            URL url = cs == null ? null : cs.getLocation();
            if (url == null) {
                return NONE;
            }
            if (!"file".equals(url.getProtocol()) && !"jar".equals(url.getProtocol())) {
                return NONE;
            }
            String path = url.getPath();
            if (path.startsWith("file:")) {
                path = path.substring("file:".length()); // jar:file:/x.jar!/
            }
            if (path.endsWith("!/")) {
                path = path.substring(0, path.length() - 2);
            }
            if (path.endsWith("/") && path.length() > 1) {
                path = path.substring(0, path.length() - 1);
            }
            return java.net.URLDecoder.decode(path.replace("+", "%2B"), "UTF-8");
        } catch (RuntimeException | java.io.UnsupportedEncodingException e) {
            return NONE;
        }
    }
}
