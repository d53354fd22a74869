package dev.mayday.agent.report;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds one version of a small program from source into a directory of its own, as a rebuild
 * would, and runs its methods: the perturbation suite compares the signatures of what they throw.
 */
final class Compiled {

    final Path classes;
    private final URLClassLoader loader;

    private Compiled(Path classes) throws IOException {
        this.classes = classes;
        this.loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, Compiled.class.getClassLoader());
    }

    /** Compiles {@code source} (one top-level class {@code className}) with {@code -g}, or without debug tables. */
    static Compiled build(Path dir, String className, String source, boolean debugTables) throws IOException {
        Path src = dir.resolve("src");
        Path out = dir.resolve("classes");
        Files.createDirectories(src);
        Files.createDirectories(out);
        Path file = src.resolve(className.substring(className.lastIndexOf('.') + 1) + ".java");
        Files.write(file, source.getBytes(StandardCharsets.UTF_8));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<String>();
        args.add(debugTables ? "-g" : "-g:none");
        args.add("-d");
        args.add(out.toString());
        args.add(file.toString());
        int status = javac.run(null, null, null, args.toArray(new String[0]));
        if (status != 0) {
            throw new IllegalStateException("javac failed for " + className);
        }
        return new Compiled(out);
    }

    ClassLoader loader() {
        return loader;
    }

    /** Calls the static method {@code method(String...)}, and returns what it threw. */
    Throwable failureOf(String className, String method, String... args) throws Exception {
        try {
            Class<?> c = Class.forName(className, true, loader);
            c.getMethod(method, String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            return e.getCause();
        }
        throw new AssertionError(className + "." + method + " did not throw");
    }

    /** A locator that knows every class of this build came from its directory (as the agent's would). */
    FrameLocator locator(String... classNames) throws IOException {
        FrameLocator locator = new FrameLocator(null);
        try (java.util.stream.Stream<Path> files = Files.walk(classes)) {
            files.filter(p -> p.toString().endsWith(".class")).forEach(p -> {
                String rel = classes.relativize(p).toString();
                locator.remember(rel.substring(0, rel.length() - ".class".length()).replace('/', '.'), classes.toString());
            });
        }
        return locator;
    }
}
