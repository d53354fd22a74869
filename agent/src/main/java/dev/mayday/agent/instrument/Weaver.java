package dev.mayday.agent.instrument;

import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Opcodes;

/**
 * What Mayday's three ASM weavers (main loops, log framework hooks, request boundaries) share:
 * whether the class file needs stack map frames, how many methods were woven, and the frame
 * locals of a method with one woven local added.
 */
abstract class Weaver extends ClassVisitor {

    static final Object[] THROWABLE_ON_STACK = {"java/lang/Throwable"};

    /** Class files from Java 6 on carry stack map frames, so woven handlers need theirs. */
    boolean framesNeeded;
    /** How many methods were woven. */
    int woven;

    Weaver(ClassVisitor next) {
        super(Opcodes.ASM9, next);
    }

    /** How many methods were woven. */
    final int woven() {
        return woven;
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        framesNeeded = (version & 0xFFFF) >= Opcodes.V1_6;
        super.visit(version, access, name, signature, superName, interfaces);
    }

    /**
     * An expanded frame's {@code numLocal} locals with {@code type} added at {@code slot} (after
     * the method's own locals, the gap filled with {@code TOP}): a woven local is live wherever
     * the method's body is, so each of its frames must name it.
     */
    static Object[] withLocal(int numLocal, Object[] local, int slot, Object type) {
        java.util.List<Object> locals = new java.util.ArrayList<Object>(numLocal + 4);
        int slots = 0;
        for (int i = 0; i < numLocal; i++) {
            locals.add(local[i]);
            slots += local[i] == Opcodes.LONG || local[i] == Opcodes.DOUBLE ? 2 : 1;
        }
        while (slots < slot) {
            locals.add(Opcodes.TOP);
            slots++;
        }
        locals.add(type);
        return locals.toArray();
    }
}
