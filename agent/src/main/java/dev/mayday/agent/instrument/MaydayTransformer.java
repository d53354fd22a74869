package dev.mayday.agent.instrument;

import dev.mayday.agent.diag.Diagnostics;
import java.io.InputStream;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sees every class as it is loaded (and the few JDK classes Mayday retransforms). JDK classes get
 * their hooks; application classes get their main loops wrapped, and servers' classes their
 * request boundaries ({@link RequestBoundaries}, in whatever class loader loads them). Everything else passes through
 * untouched after a cheap check, and any failure leaves the class exactly as it was.
 */
public final class MaydayTransformer implements ClassFileTransformer {

    private final List<JdkHook> jdkHooks;
    private final MainLoopRules mainLoops;
    private final LogHooks logHooks;
    private final ClassLoader agentLoader;
    private final Map<ClassLoader, Boolean> bridgeResolvedIn = new WeakHashMap<ClassLoader, Boolean>();
    private final Map<ClassLoader, Boolean> requestFailuresResolvedIn = new WeakHashMap<ClassLoader, Boolean>();
    private final AtomicInteger mainLoopClasses = new AtomicInteger();
    /** Time spent in retransformations' calls here (outside the JVM's safepoint), so batches can tell the two apart. */
    private final AtomicLong retransformNanos = new AtomicLong();

    MaydayTransformer(List<JdkHook> jdkHooks, MainLoopRules mainLoops, LogHooks logHooks, ClassLoader agentLoader) {
        this.jdkHooks = jdkHooks;
        this.logHooks = logHooks;
        this.mainLoops = mainLoops;
        this.agentLoader = agentLoader;
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> redefined,
                            ProtectionDomain domain, byte[] bytes) {
        if (redefined == null) {
            return weave(loader, className, bytes);
        }
        long start = System.nanoTime();
        try {
            return weave(loader, className, bytes);
        } finally {
            retransformNanos.addAndGet(System.nanoTime() - start);
        }
    }

    /** Nanoseconds spent here for retransformed classes so far. */
    long retransformNanos() {
        return retransformNanos.get();
    }

    private byte[] weave(ClassLoader loader, String className, byte[] bytes) {
        if (className == null || loader == agentLoader) {
            return null;
        }
        try {
            if (isJdk(className)) {
                return hooksFor(className) ? weaveJdk(className, bytes) : null;
            }
            if (isMayday(className) || className.indexOf("$$") >= 0) {
                return null; // Mayday itself; generated classes (lambdas, proxies, CGLIB)
            }
            LogHooks.Target logHook = logHooks.target(className);
            if (logHook != null) {
                return weaveLogHook(logHook, className, bytes);
            }
            if (logHooks.jboss() && className.equals(JdkHook.JBOSS_LOGGER.className)) {
                return weaveJboss(bytes);
            }
            if (LogHooks.isJulBridge(className)) {
                dev.mayday.bootstrap.LogCapture.julBridgeSeen();
            }
            String dotted = className.replace('/', '.');
            byte[] woven = null;
            int[] count = new int[1];
            if (mainLoops.mayMatch(dotted, bytes)) {
                woven = ClassWeaving.weaveMainLoops(mainLoops, dotted, bytes, count);
                if (woven != null) {
                    mainLoopClasses.incrementAndGet();
                    Diagnostics.debug("wrapped " + count[0] + " main-loop method(s) in " + dotted);
                    resolveIn(loader, bridgeResolvedIn, "dev.mayday.bootstrap.Bridge");
                }
            }
            if (RequestBoundaries.mayDeclare(className, bytes)) {
                byte[] boundaries = ClassWeaving.weaveRequestBoundaries(className, woven == null ? bytes : woven, count);
                if (boundaries != null) {
                    Diagnostics.debug("watching " + count[0] + " request boundary method(s) in " + dotted);
                    resolveIn(loader, requestFailuresResolvedIn, "dev.mayday.bootstrap.RequestFailures");
                    woven = boundaries;
                }
            }
            return woven;
        } catch (Throwable e) {
            Diagnostics.debug("left " + className + " unchanged: " + e);
            return null;
        }
    }

    private static byte[] weaveJboss(byte[] bytes) {
        JdkHook hook = JdkHook.JBOSS_LOGGER;
        byte[] woven = EntryPatcher.insert(bytes, hook.methodName, hook.descriptor, hook.call);
        if (woven == null) {
            Diagnostics.warn("could not hook " + hook.dottedClassName + "." + hook.methodName
                    + " (an unknown version?); its log lines are not kept");
        } else {
            Diagnostics.debug("hooked " + hook.className);
        }
        return woven;
    }

    private static byte[] weaveLogHook(LogHooks.Target target, String className, byte[] bytes) {
        byte[] woven = ClassWeaving.weaveLogHook(target, bytes);
        if (woven == null) {
            Diagnostics.warn("could not hook " + className.replace('/', '.') + "." + target.method
                    + " (an unknown version?); its log lines are not kept");
            return null;
        }
        Diagnostics.debug("hooked " + className);
        return woven;
    }

    /**
     * Makes {@code loader} look up the classes woven code names (the bridge, the loop watch, the
     * StackOverflowError the handler tests for) now. Woven code would otherwise look it up on
     * its first failure, and for an application class loader that lookup runs Java code that
     * allocates: after an OutOfMemoryError it would fail before the report could start.
     */
    private static void resolveIn(ClassLoader loader, Map<ClassLoader, Boolean> resolvedIn, String bootstrapClass) {
        synchronized (resolvedIn) {
            if (resolvedIn.containsKey(loader)) {
                return;
            }
            resolvedIn.put(loader, Boolean.TRUE);
        }
        try {
            Class.forName(bootstrapClass, false, loader);
            if ("dev.mayday.bootstrap.Bridge".equals(bootstrapClass)) {
                Class.forName("dev.mayday.bootstrap.LoopWatch", false, loader);
                // The handler's instanceof StackOverflowError: resolving it from the application's
                // loader for the first time would ask that loader (Java code) after an OOM.
                Class.forName("java.lang.StackOverflowError", false, loader);
            }
        } catch (Throwable e) {
            Diagnostics.debug(bootstrapClass + " not visible from " + loader + ": " + e);
        }
    }

    private byte[] weaveJdk(String className, byte[] bytes) {
        byte[] woven = bytes;
        for (JdkHook hook : jdkHooks) {
            if (hook.className.equals(className)) {
                byte[] patched = EntryPatcher.insert(woven, hook.methodName, hook.descriptor, hook.call);
                if (patched == null) {
                    if (hook.optional) {
                        continue; // a method this JDK does not have
                    }
                    Diagnostics.warn("could not hook " + hook.dottedClassName + "." + hook.methodName
                            + " on this JDK; some failures or log lines may go unreported");
                    continue;
                }
                woven = patched;
            }
        }
        if (woven == bytes) {
            return null;
        }
        Diagnostics.debug("hooked " + className);
        return woven;
    }

    /** How many classes got main loops wrapped so far. */
    int mainLoopClassesWoven() {
        return mainLoopClasses.get();
    }

    /**
     * For a dynamic attach: could this already loaded application class hold a main loop? By
     * name first; then by its class file as its loader serves it (the cheap byte check the
     * transformer runs), so that most classes are never retransformed. A class whose loader
     * serves no class file (generated in memory: scripts, compiled templates) is left alone
     * unless a {@code Class#method} pattern names it: finding its annotations would mean
     * retransforming every such class, a pause and a recompilation of the program for a case
     * (an {@code @MainLoop} in generated code) that hardly exists. It is still woven if it loads again.
     */
    boolean mayWeaveLoaded(Class<?> c) {
        ClassLoader loader = c.getClassLoader();
        if (loader == null || loader == agentLoader) {
            return false;
        }
        String internal = c.getName().replace('.', '/');
        if (isJdk(internal) || isMayday(internal) || internal.indexOf("$$") >= 0) {
            return false;
        }
        if (mainLoops.matchesClassName(c.getName()) || logHooks.target(internal) != null
                || (logHooks.jboss() && internal.equals(JdkHook.JBOSS_LOGGER.className))) {
            return true; // a main loop by name, or a log framework already configured
        }
        byte[] bytes;
        try (InputStream in = loader.getResourceAsStream(internal + ".class")) {
            if (in == null) {
                return false;
            }
            bytes = in.readAllBytes();
        } catch (Throwable e) {
            return false;
        }
        // A main loop by annotation, or a server's request boundary (Servlet, Jetty, Netty).
        return mainLoops.mayMatch(c.getName(), bytes) || RequestBoundaries.mayDeclare(internal, bytes);
    }

    boolean hooksFor(String className) {
        for (JdkHook hook : jdkHooks) {
            if (hook.className.equals(className)) {
                return true;
            }
        }
        return false;
    }

    /** Mayday's own packages only: another project under dev.mayday may well have main loops. */
    private static boolean isMayday(String className) {
        return className.startsWith("dev/mayday/agent/") || className.startsWith("dev/mayday/bootstrap/")
                || className.startsWith("dev/mayday/launcher/");
    }

    private static boolean isJdk(String className) {
        return className.startsWith("java/") || className.startsWith("jdk/") || className.startsWith("sun/")
                || className.startsWith("com/sun/");
    }
}
