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
 * reported: full paths often name the user.
 */
public final class FrameLocator {

    private static final String NONE = "";

    private final Instrumentation inst;
    private final Map<String, String> jarByClass = new ConcurrentHashMap<String, String>();

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
                jarByClass.put(name, jarOf(c));
                if (wanted.isEmpty()) {
                    break;
                }
            }
        }
        for (String missing : wanted.keySet()) {
            jarByClass.put(missing, NONE);
        }
    }

    /** The jar file name of a class seen by {@link #learn}, or null. */
    String jar(String className) {
        String jar = jarByClass.get(className);
        return jar == null || jar.isEmpty() ? null : jar;
    }

    private static String jarOf(Class<?> c) {
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
            String path = url.getPath();
            if (path.endsWith("!/")) {
                path = path.substring(0, path.length() - 2);
            }
            if (!path.endsWith(".jar")) {
                return NONE;
            }
            return path.substring(path.lastIndexOf('/') + 1);
        } catch (RuntimeException e) {
            return NONE;
        }
    }
}
