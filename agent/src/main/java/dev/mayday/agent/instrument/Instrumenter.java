package dev.mayday.agent.instrument;

import dev.mayday.agent.diag.Diagnostics;
import dev.mayday.agent.options.Option;
import dev.mayday.agent.options.Options;
import java.io.FileOutputStream;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Puts the hooks in place: lets the JDK modules read the bootstrap classes, registers the
 * transformer, which weaves classes as they load, and retransforms the hooked JDK classes
 * already loaded ({@link #hookThreadAndSystem()} at start-up, {@link #hookOtherLoadedJdkClasses()}
 * a moment later).
 */
public final class Instrumenter {

    private final Instrumentation inst;
    private final List<JdkHook> hooks;
    private final MaydayTransformer transformer;
    /** Set once {@link #retransformLoaded()} has hooked everything loaded (a dynamic attach). */
    private volatile boolean allLoadedDone;

    private Instrumenter(Instrumentation inst, List<JdkHook> hooks, MaydayTransformer transformer) {
        this.inst = inst;
        this.hooks = hooks;
        this.transformer = transformer;
    }

    /** Registers the transformer for every hook the options ask for. */
    public static Instrumenter install(Instrumentation inst, Options options, ClassLoader agentLoader) {
        List<JdkHook> hooks = new ArrayList<JdkHook>(8);
        if (options.uncaught() != Options.Uncaught.OFF) {
            hooks.add(JdkHook.THREAD_UNCAUGHT);
            hooks.add(JdkHook.AWT_EVENT_THREAD);
        }
        // Always: besides feeding the ring, the tap tells whether stderr is at the start of a line
        // for Mayday's own lines.
        hooks.add(JdkHook.STREAM_TAP);
        hooks.add(JdkHook.STREAM_TAP_ALL);
        hooks.add(JdkHook.STREAM_TAP_BYTE);
        if (options.captures("jul")) {
            hooks.add(JdkHook.JUL_LOGGER);
            if (options.captures("stderr") || options.captures("stdout")) {
                hooks.add(JdkHook.JUL_CONSOLE);
            }
        }
        if (!"off".equals(options.get(Option.SWALLOWED))) {
            java.util.Collections.addAll(hooks, JdkHook.SWALLOWED);
        }
        if (options.integer(Option.HANG) > 0) {
            hooks.add(JdkHook.AWT_DISPATCH);
            hooks.add(JdkHook.AWT_NEXT);
        }
        letJdkModulesReadBootstrap(inst);
        LogHooks logHooks = new LogHooks(options.captures("logback"), options.captures("log4j2"),
                options.captures("jul"));
        MaydayTransformer transformer = new MaydayTransformer(hooks, new MainLoopRules(options.list(Option.MAIN_LOOP)),
                logHooks, agentLoader);
        inst.addTransformer(transformer, true);
        return new Instrumenter(inst, hooks, transformer);
    }

    /**
     * Hooks {@code Thread} and {@code FileOutputStream}, always loaded before premain, before the
     * program's main runs: it may print or set its own default handler in its first line.
     */
    public void hookThreadAndSystem() {
        List<Class<?>> core = new ArrayList<Class<?>>(2);
        for (JdkHook hook : hooks) {
            Class<?> c = hook.className.equals("java/lang/Thread") ? Thread.class
                    : hook.className.equals("java/io/FileOutputStream") ? FileOutputStream.class : null;
            if (c != null && !core.contains(c)) {
                core.add(c);
            }
        }
        retransform(core);
    }

    /**
     * Hooks the other JDK classes (java.util.logging, AWT) if something loaded them before
     * premain; usually nothing has, and the transformer hooks them when they load. Searching the
     * loaded classes takes milliseconds, so this runs on Mayday's thread, not in premain.
     */
    public void hookOtherLoadedJdkClasses() {
        if (allLoadedDone) {
            return; // an attach did it already
        }
        List<Class<?>> loaded = new ArrayList<Class<?>>(4);
        for (Class<?> c : inst.getAllLoadedClasses()) {
            if (c == Thread.class || c == FileOutputStream.class || c.getClassLoader() != null) {
                continue;
            }
            for (JdkHook hook : hooks) {
                if (hook.dottedClassName.equals(c.getName()) && !loaded.contains(c)) {
                    loaded.add(c);
                }
            }
        }
        retransform(loaded);
    }

    /**
     * A dynamic attach: retransforms every loaded class the transformer would have woven had it
     * seen it load: the classes of every JDK hook in the list (whatever hooks exist), and the
     * application classes that may hold a main loop. The JDK hooks go first, in one call (a
     * handful of classes); the application classes go in batches sized so that each call stays
     * well under {@link Batches#TARGET_NANOS}, with a rest between batches as long as the batch
     * took, so a big application is never held for long.
     */
    public Batches.Result retransformLoaded() {
        allLoadedDone = true;
        List<Class<?>> jdk = new ArrayList<Class<?>>();
        List<Class<?>> app = new ArrayList<Class<?>>();
        for (Class<?> c : inst.getAllLoadedClasses()) {
            try {
                if (c.isArray() || c.isPrimitive() || c.isHidden() || !inst.isModifiableClass(c)) {
                    continue;
                }
                if (transformer.hooksFor(c.getName().replace('.', '/'))) {
                    jdk.add(c);
                } else if (transformer.mayWeaveLoaded(c)) {
                    app.add(c);
                }
            } catch (Throwable e) {
                Diagnostics.debug("skipped " + c + " while looking for classes to hook: " + e);
            }
        }
        int before = transformer.mainLoopClassesWoven();
        Batches.Result jdkResult = new Batches(inst, transformer).run(jdk, jdk.size());
        Batches.Result result = new Batches(inst, transformer).run(app, Batches.FIRST_SIZE);
        return result.with(jdkResult, transformer.mainLoopClassesWoven() - before);
    }

    private void retransform(List<Class<?>> loaded) {
        if (loaded.isEmpty()) {
            return;
        }
        try {
            inst.retransformClasses(loaded.toArray(new Class<?>[0]));
        } catch (Throwable e) {
            Diagnostics.warn("could not hook " + loaded + " (" + e + "); some crashes may go unreported");
        }
    }

    /** Woven JDK code calls classes in the bootstrap loader's unnamed module: named modules must read it. */
    private static void letJdkModulesReadBootstrap(Instrumentation inst) {
        Set<Module> reads = Collections.singleton(dev.mayday.bootstrap.Bridge.class.getModule());
        String[] names = {"java.base", "java.logging", "java.desktop"};
        for (String name : names) {
            Optional<Module> module = ModuleLayer.boot().findModule(name);
            if (module.isPresent() && inst.isModifiableModule(module.get())) {
                inst.redefineModule(module.get(), reads, Collections.<String, Set<Module>>emptyMap(),
                        Collections.<String, Set<Module>>emptyMap(), Collections.<Class<?>>emptySet(),
                        Collections.<Class<?>, List<Class<?>>>emptyMap());
            }
        }
    }
}
