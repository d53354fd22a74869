package dev.mayday.agent.instrument;

import java.util.List;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Everything that touches ASM. Loaded only when a class actually needs weaving, so a program
 * without main loops pays for no bytecode library at start-up.
 */
final class ClassWeaving {

    static final String BRIDGE = "dev/mayday/bootstrap/Bridge";
    private static final String JUL_CAPTURE = "dev/mayday/bootstrap/JulCapture";
    private static final Object[] THROWABLE_ON_STACK = {"java/lang/Throwable"};

    private ClassWeaving() {
    }

    /** The class with every hook in {@code hooks} for it woven in, or null if none applied. */
    static byte[] weaveJdk(List<JdkHook> hooks, String className, byte[] bytes) {
        ClassReader reader = new ClassReader(bytes);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        int[] applied = new int[1];
        ClassVisitor chain = writer;
        for (JdkHook hook : hooks) {
            if (hook.className.equals(className)) {
                chain = new HookWeaver(chain, hook, applied);
            }
        }
        reader.accept(chain, 0);
        return applied[0] == 0 ? null : writer.toByteArray();
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

    /** Weaves one {@link JdkHook} into its method. */
    private static final class HookWeaver extends ClassVisitor {
        private final JdkHook hook;
        private final int[] applied;
        private boolean framesNeeded;

        HookWeaver(ClassVisitor next, JdkHook hook, int[] applied) {
            super(Opcodes.ASM9, next);
            this.hook = hook;
            this.applied = applied;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            framesNeeded = (version & 0xFFFF) >= Opcodes.V1_6;
            super.visit(version, access, name, signature, superName, interfaces);
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String desc, String signature, String[] exceptions) {
            MethodVisitor mv = super.visitMethod(access, name, desc, signature, exceptions);
            if (mv == null || !name.equals(hook.methodName) || !desc.equals(hook.descriptor)) {
                return mv;
            }
            applied[0]++;
            switch (hook.kind) {
                case JdkHook.UNCAUGHT:
                    return new UncaughtMethod(mv, (Integer) hook.detail);
                case JdkHook.STREAM:
                    return new StreamMethod(mv, (String) hook.detail);
                default:
                    return new JulMethod(mv, framesNeeded);
            }
        }
    }

    /** Reports at the start; after the application's handler ran, lets {@code uncaught=exit} act. */
    private static final class UncaughtMethod extends MethodVisitor {
        private final int origin;

        UncaughtMethod(MethodVisitor next, int origin) {
            super(Opcodes.ASM9, next);
            this.origin = origin;
        }

        @Override
        public void visitCode() {
            super.visitCode();
            super.visitVarInsn(Opcodes.ALOAD, 0);
            super.visitVarInsn(Opcodes.ALOAD, 1);
            super.visitLdcInsn(origin); // an int: loading it allocates nothing
            super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, "uncaught",
                    "(Ljava/lang/Thread;Ljava/lang/Throwable;I)V", false);
        }

        @Override
        public void visitInsn(int opcode) {
            if (opcode == Opcodes.RETURN) {
                super.visitVarInsn(Opcodes.ALOAD, 0);
                super.visitVarInsn(Opcodes.ALOAD, 1);
                super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, "afterUncaught",
                        "(Ljava/lang/Thread;Ljava/lang/Throwable;)V", false);
            }
            super.visitInsn(opcode);
        }
    }

    /** {@code System.setOut(s)} becomes {@code System.setOut(Bridge.captureOut(s))}. */
    private static final class StreamMethod extends MethodVisitor {
        private final String bridgeMethod;

        StreamMethod(MethodVisitor next, String bridgeMethod) {
            super(Opcodes.ASM9, next);
            this.bridgeMethod = bridgeMethod;
        }

        @Override
        public void visitCode() {
            super.visitCode();
            super.visitVarInsn(Opcodes.ALOAD, 0);
            super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, bridgeMethod,
                    "(Ljava/io/PrintStream;)Ljava/io/PrintStream;", false);
            super.visitVarInsn(Opcodes.ASTORE, 0);
        }
    }

    /**
     * {@code Logger.log(LogRecord)}: keeps the record, and marks the thread as inside logging until
     * the method ends (normally or not), so the console handler's copy of the same record on
     * System.err is not kept a second time.
     */
    private static final class JulMethod extends MethodVisitor {
        private final boolean framesNeeded;
        private final Label start = new Label();

        JulMethod(MethodVisitor next, boolean framesNeeded) {
            super(Opcodes.ASM9, next);
            this.framesNeeded = framesNeeded;
        }

        @Override
        public void visitCode() {
            super.visitCode();
            super.visitVarInsn(Opcodes.ALOAD, 0);
            super.visitVarInsn(Opcodes.ALOAD, 1);
            super.visitMethodInsn(Opcodes.INVOKESTATIC, JUL_CAPTURE, "record",
                    "(Ljava/util/logging/Logger;Ljava/util/logging/LogRecord;)V", false);
            super.visitLabel(start);
        }

        @Override
        public void visitInsn(int opcode) {
            if (opcode == Opcodes.RETURN) {
                leave();
            }
            super.visitInsn(opcode);
        }

        @Override
        public void visitMaxs(int maxStack, int maxLocals) {
            Label end = new Label();
            Label handler = new Label();
            super.visitLabel(end);
            super.visitTryCatchBlock(start, end, handler, null);
            super.visitLabel(handler);
            if (framesNeeded) {
                super.visitFrame(Opcodes.F_FULL, 0, null, 1, THROWABLE_ON_STACK);
            }
            leave();
            super.visitInsn(Opcodes.ATHROW);
            super.visitMaxs(maxStack, maxLocals);
        }

        private void leave() {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, JUL_CAPTURE, "leave", "()V", false);
        }
    }
}
