package dev.mayday.agent.instrument;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Wraps the body of each main-loop method in {@code try { body } catch (Throwable t) { ... }}.
 * The catch sits inside the method itself, so Mayday sees the failure even when the caller
 * catches and hides it. The handler asks {@code LoopWatch.failed} (then {@code Bridge.mainLoopFailed}),
 * which writes the report and answers whether to throw on or return a zero value.
 *
 * <p>Each call also keeps the hang watchdog's bookkeeping: {@code depth = LoopWatch.enter(origin)}
 * before the try, {@code LoopWatch.exit(depth)} before each return. The depth lives in a new local
 * after the method's own ones, so a frame knows whether it is the outermost wrapped one: a
 * StackOverflowError in a recursive main-loop method is thrown on, calling nothing (there is no
 * stack left to call with), until the outermost frame, which has room to report it once.
 *
 * <p>The handler's stack map frame names only that local (the others are TOP), so it is valid
 * whatever the body keeps in its own, and no class has to be loaded to compute frames. Classes are
 * read with expanded frames, so the new local can be added to every frame of a woven method.
 */
final class MainLoopWeaver extends Weaver {

    static final String LOOP_WATCH = "dev/mayday/bootstrap/LoopWatch";

    private final MainLoopRules rules;
    private final String className;
    private final java.util.Map<String, Integer> maxLocals;

    /** @param maxLocals each method's own {@code max_locals} by name and descriptor (a first pass) */
    MainLoopWeaver(ClassVisitor next, MainLoopRules rules, String className, java.util.Map<String, Integer> maxLocals) {
        super(next);
        this.rules = rules;
        this.className = className;
        this.maxLocals = maxLocals;
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
        MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
        if ((access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE | Opcodes.ACC_BRIDGE | Opcodes.ACC_SYNTHETIC)) != 0
                || name.charAt(0) == '<' || mv == null) {
            return mv;
        }
        return new MainLoopMethod(mv, name, descriptor);
    }

    private final class MainLoopMethod extends MethodVisitor {
        private final String methodName;
        private final String descriptor;
        private final List<String> annotations = new ArrayList<String>(2);
        private String origin;
        private int originId;
        private int depthSlot = -1;
        private final Label start = new Label();

        MainLoopMethod(MethodVisitor next, String methodName, String descriptor) {
            super(Opcodes.ASM9, next);
            this.methodName = methodName;
            this.descriptor = descriptor;
        }

        @Override
        public AnnotationVisitor visitAnnotation(String annotationDescriptor, boolean visible) {
            annotations.add(annotationDescriptor);
            return super.visitAnnotation(annotationDescriptor, visible);
        }

        @Override
        public void visitCode() {
            super.visitCode();
            String rule = rules.match(className, methodName, annotations);
            Integer locals = maxLocals.get(methodName + descriptor);
            if (rule != null && locals != null) {
                origin = rule + "|" + className + "." + methodName;
                originId = MainLoopOrigins.register(origin);
                depthSlot = locals;
                super.visitLdcInsn(originId);
                super.visitMethodInsn(Opcodes.INVOKESTATIC, LOOP_WATCH, "enter", "(I)I", false);
                super.visitVarInsn(Opcodes.ISTORE, depthSlot);
                super.visitLabel(start);
            }
        }

        @Override
        public void visitInsn(int opcode) {
            if (origin != null && opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
                super.visitVarInsn(Opcodes.ILOAD, depthSlot);
                super.visitMethodInsn(Opcodes.INVOKESTATIC, LOOP_WATCH, "exit", "(I)V", false);
            }
            super.visitInsn(opcode);
        }

        @Override
        public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
            if (origin == null || type != Opcodes.F_NEW) {
                super.visitFrame(type, numLocal, local, numStack, stack);
                return;
            }
            // The depth local is an int wherever the body is.
            Object[] locals = withLocal(numLocal, local, depthSlot, Opcodes.INTEGER);
            super.visitFrame(type, locals.length, locals, numStack, stack);
        }

        @Override
        public void visitMaxs(int maxStack, int maxLocals) {
            if (origin != null) {
                Label end = new Label();
                Label handler = new Label();
                Label report = new Label();
                Label carryOn = new Label();
                super.visitLabel(end);
                // Added last, so every handler of the method's own comes first.
                super.visitTryCatchBlock(start, end, handler, "java/lang/Throwable");
                super.visitLabel(handler);
                frame();
                // A stack overflow below the outermost wrapped frame: throw on, calling nothing.
                super.visitInsn(Opcodes.DUP);
                super.visitTypeInsn(Opcodes.INSTANCEOF, "java/lang/StackOverflowError");
                super.visitJumpInsn(Opcodes.IFEQ, report);
                super.visitVarInsn(Opcodes.ILOAD, depthSlot);
                super.visitInsn(Opcodes.ICONST_1);
                super.visitJumpInsn(Opcodes.IF_ICMPLE, report);
                super.visitInsn(Opcodes.ATHROW);
                super.visitLabel(report);
                frame();
                super.visitVarInsn(Opcodes.ILOAD, depthSlot);
                super.visitLdcInsn(originId); // an int: no allocation
                super.visitMethodInsn(Opcodes.INVOKESTATIC, LOOP_WATCH, "failed",
                        "(Ljava/lang/Throwable;II)Ljava/lang/Throwable;", false);
                super.visitInsn(Opcodes.DUP);
                super.visitJumpInsn(Opcodes.IFNULL, carryOn);
                super.visitInsn(Opcodes.ATHROW);
                super.visitLabel(carryOn);
                frame();
                super.visitInsn(Opcodes.POP);
                returnZero(Type.getReturnType(descriptor));
                woven++;
            }
            super.visitMaxs(maxStack, maxLocals);
        }

        private void frame() {
            if (framesNeeded) {
                Object[] locals = new Object[depthSlot + 1];
                java.util.Arrays.fill(locals, Opcodes.TOP);
                locals[depthSlot] = Opcodes.INTEGER;
                super.visitFrame(Opcodes.F_NEW, locals.length, locals, 1, THROWABLE_ON_STACK);
            }
        }

        private void returnZero(Type type) {
            switch (type.getSort()) {
                case Type.VOID:
                    super.visitInsn(Opcodes.RETURN);
                    break;
                case Type.BOOLEAN:
                case Type.BYTE:
                case Type.CHAR:
                case Type.SHORT:
                case Type.INT:
                    super.visitInsn(Opcodes.ICONST_0);
                    super.visitInsn(Opcodes.IRETURN);
                    break;
                case Type.LONG:
                    super.visitInsn(Opcodes.LCONST_0);
                    super.visitInsn(Opcodes.LRETURN);
                    break;
                case Type.FLOAT:
                    super.visitInsn(Opcodes.FCONST_0);
                    super.visitInsn(Opcodes.FRETURN);
                    break;
                case Type.DOUBLE:
                    super.visitInsn(Opcodes.DCONST_0);
                    super.visitInsn(Opcodes.DRETURN);
                    break;
                default:
                    super.visitInsn(Opcodes.ACONST_NULL);
                    super.visitInsn(Opcodes.ARETURN);
            }
        }
    }
}
