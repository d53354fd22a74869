package dev.mayday.agent.instrument;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Which methods are main loops: {@code pkg.Class#method} patterns, {@code @pkg.Annotation}
 * patterns, and every method carrying an annotation whose simple name is {@code MainLoop}.
 * The byte-level pre-check lets the transformer skip almost every class without parsing it.
 */
public final class MainLoopRules {

    /** Found in the constant pool of any class that uses an annotation named MainLoop. */
    private static final byte[] MAIN_LOOP_MARK = "MainLoop;".getBytes(StandardCharsets.US_ASCII);

    private final List<Glob> classGlobs = new ArrayList<Glob>();
    private final List<Glob> methodGlobs = new ArrayList<Glob>();
    private final List<String> patterns = new ArrayList<String>();
    private final List<String> annotationDescriptors = new ArrayList<String>();
    private final List<byte[]> annotationMarks = new ArrayList<byte[]>();
    private final List<String> annotationPatterns = new ArrayList<String>();

    /** @param patterns the {@code mainLoop} option's values, already checked for form */
    public MainLoopRules(List<String> patterns) {
        for (String p : patterns) {
            if (p.startsWith("@")) {
                String descriptor = "L" + p.substring(1).replace('.', '/') + ";";
                annotationDescriptors.add(descriptor);
                annotationMarks.add(descriptor.getBytes(StandardCharsets.UTF_8));
                annotationPatterns.add(p);
            } else {
                int hash = p.indexOf('#');
                classGlobs.add(new Glob(p.substring(0, hash)));
                methodGlobs.add(new Glob(p.substring(hash + 1)));
                this.patterns.add(p);
            }
        }
    }

    /** True when a {@code Class#method} pattern names this class (dotted name). */
    boolean matchesClassName(String className) {
        for (Glob g : classGlobs) {
            if (g.matches(className)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Cheap test run for every class loaded: could this class hold a main loop?
     *
     * @param className dotted class name
     */
    boolean mayMatch(String className, byte[] classBytes) {
        for (Glob g : classGlobs) {
            if (g.matches(className)) {
                return true;
            }
        }
        if (indexOf(classBytes, MAIN_LOOP_MARK) >= 0) {
            return true;
        }
        for (byte[] mark : annotationMarks) {
            if (indexOf(classBytes, mark) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The rule that makes this method a main loop, as the user wrote it, or null.
     *
     * @param className dotted class name
     * @param annotations descriptors of the method's annotations
     */
    String match(String className, String methodName, List<String> annotations) {
        for (int i = 0; i < classGlobs.size(); i++) {
            if (classGlobs.get(i).matches(className) && methodGlobs.get(i).matches(methodName)) {
                return patterns.get(i);
            }
        }
        for (String descriptor : annotations) {
            int i = annotationDescriptors.indexOf(descriptor);
            if (i >= 0) {
                return annotationPatterns.get(i);
            }
            if (isMainLoopAnnotation(descriptor)) {
                return "@" + descriptor.substring(1, descriptor.length() - 1).replace('/', '.');
            }
        }
        return null;
    }

    /** True for {@code Lany/pkg/MainLoop;} and nested {@code Lpkg/Outer$MainLoop;}. */
    static boolean isMainLoopAnnotation(String descriptor) {
        if (!descriptor.endsWith("MainLoop;")) {
            return false;
        }
        int start = descriptor.length() - "MainLoop;".length();
        if (start == 1) {
            return true;
        }
        char before = descriptor.charAt(start - 1);
        return before == '/' || before == '$';
    }

    static int indexOf(byte[] hay, byte[] needle) {
        int last = hay.length - needle.length;
        byte first = needle[0];
        outer:
        for (int i = 0; i <= last; i++) {
            if (hay[i] != first) {
                continue;
            }
            for (int j = 1; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
