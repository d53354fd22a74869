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

    private Instrumenter(Instrumentation inst, List<JdkHook> hooks) {
        this.inst = inst;
        this.hooks = hooks;
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
        inst.addTransformer(new MaydayTransformer(hooks, new MainLoopRules(options.list(Option.MAIN_LOOP)), logHooks,
                agentLoader), true);
        return new Instrumenter(inst, hooks);
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
