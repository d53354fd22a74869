package dev.mayday.launcher;

/**
 * Loads the agent classes premain needs last on a second thread while premain's first steps
 * (options, module set-up) run: class loading from Mayday's jar is a good part of Mayday's
 * start-up, and a second core is usually idle then. Only loads (no initialisation), so it
 * changes no behaviour; whatever it has not loaded yet, premain loads itself.
 */
final class Preloader implements Runnable {

    /**
     * In the order premain needs them, leaving out the first ones (Mayday, the options), which
     * premain loads itself while this thread starts: first the hooks, then what Mayday's start
     * thread builds beside the program's main.
     */
    private static final String[] CLASSES = {
        "dev.mayday.agent.attach.Presence",
        "dev.mayday.agent.diag.Diagnostics",
        "dev.mayday.agent.instrument.Instrumenter",
        "dev.mayday.agent.instrument.JdkHook",
        "dev.mayday.agent.instrument.EntryPatcher$Call",
        "dev.mayday.agent.instrument.LogHooks",
        "dev.mayday.agent.instrument.MaydayTransformer",
        "dev.mayday.agent.instrument.MainLoopRules",
        "dev.mayday.agent.instrument.EntryPatcher",
        "dev.mayday.agent.capture.MaydayThreads",
        "dev.mayday.agent.capture.MaydayThreads$Worker",
        "dev.mayday.agent.capture.MaydayThreads$1",
        "dev.mayday.agent.capture.FollowUp",
        "dev.mayday.agent.capture.Reporter",
        "dev.mayday.agent.capture.CrashHandler",
        "dev.mayday.agent.capture.RecentFailures",
        "dev.mayday.agent.capture.ExitGate",
        "dev.mayday.agent.capture.LoggedErrors",
        "dev.mayday.agent.capture.RequestReports",
        "dev.mayday.agent.instrument.LogHooks$Target",
        "dev.mayday.agent.instrument.RequestBoundaries",
    };

    private final ClassLoader loader;

    private Preloader(ClassLoader loader) {
        this.loader = loader;
    }

    static void start(ClassLoader loader) {
        Thread thread = new Thread(new Preloader(loader), "mayday-preload");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void run() {
        for (String name : CLASSES) {
            try {
                Class.forName(name, false, loader);
            } catch (Throwable ignored) {
                // premain loads it itself, and says so if it cannot
            }
        }
    }
}
