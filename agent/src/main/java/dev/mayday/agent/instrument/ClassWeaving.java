package dev.mayday.agent.instrument;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;

/**
 * Everything that touches ASM: wrapping main-loop methods and servers' request boundaries. Loaded only when a class has one, so a
 * program without main loops pays for no bytecode library at all.
 */
final class ClassWeaving {

    static final String BRIDGE = "dev/mayday/bootstrap/Bridge";

    private ClassWeaving() {
    }

    /** The class with its main-loop methods wrapped, or null if it has none. */
    static byte[] weaveMainLoops(MainLoopRules rules, String dottedName, byte[] bytes, int[] count) {
        ClassReader reader = new ClassReader(bytes);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        MainLoopWeaver weaver = new MainLoopWeaver(writer, rules, dottedName);
        reader.accept(weaver, 0);
        count[0] = weaver.woven();
        return weaver.woven() == 0 ? null : writer.toByteArray();
    }

    /** The class with its request boundary methods woven ({@link RequestBoundaries}), or null if it has none. */
    static byte[] weaveRequestBoundaries(String internalName, byte[] bytes, int[] count) {
        ClassReader reader = new ClassReader(bytes);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        RequestBoundaryWeaver weaver = new RequestBoundaryWeaver(writer, internalName);
        reader.accept(weaver, 0);
        count[0] = weaver.woven();
        return weaver.woven() == 0 ? null : writer.toByteArray();
    }
}
