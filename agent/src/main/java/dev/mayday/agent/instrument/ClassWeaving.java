package dev.mayday.agent.instrument;

import java.util.HashMap;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Everything that touches ASM: wrapping main-loop methods and servers' request boundaries. Loaded only when a class has one, so a
 * program without main loops pays for no bytecode library at all.
 */
final class ClassWeaving {

    static final String BRIDGE = "dev/mayday/bootstrap/Bridge";

    private ClassWeaving() {
    }

    /** The logging framework class with its hook woven in, or null if its method was not found. */
    static byte[] weaveLogHook(LogHooks.Target target, byte[] bytes) {
        ClassReader reader = new ClassReader(bytes);
        Integer ownLocals = ownMaxLocals(reader).get(target.method + target.descriptor);
        if (ownLocals == null) {
            return null;
        }
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        LogHookWeaver weaver = new LogHookWeaver(writer, target, ownLocals);
        reader.accept(weaver, ClassReader.EXPAND_FRAMES);
        return weaver.woven() == 0 ? null : writer.toByteArray();
    }

    /** A first pass: each method's own {@code max_locals}, so that a woven local can go after them. */
    private static Map<String, Integer> ownMaxLocals(ClassReader reader) {
        final Map<String, Integer> maxLocals = new HashMap<String, Integer>();
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, final String name, final String descriptor, String signature,
                                             String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMaxs(int maxStack, int locals) {
                        maxLocals.put(name + descriptor, locals);
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return maxLocals;
    }

    /** The class with its main-loop methods wrapped, or null if it has none. */
    static byte[] weaveMainLoops(MainLoopRules rules, String dottedName, byte[] bytes, int[] count) {
        ClassReader reader = new ClassReader(bytes);
        Map<String, Integer> maxLocals = ownMaxLocals(reader); // the woven depth local goes after them
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        MainLoopWeaver weaver = new MainLoopWeaver(writer, rules, dottedName, maxLocals);
        reader.accept(weaver, ClassReader.EXPAND_FRAMES);
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
