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
 * catches and hides it. The handler asks {@code Bridge.mainLoopFailed}, which writes the report
 * and answers whether to throw on or return a zero value.
 *
 * <p>The handler's stack map frame names no locals, so it is valid whatever the body keeps in
 * them, and no class has to be loaded to compute frames.
 */
final class MainLoopWeaver extends ClassVisitor {

    static final String BRIDGE = ClassWeaving.BRIDGE;
    private static final Object[] THROWABLE_ON_STACK = {"java/lang/Throwable"};

    private final MainLoopRules rules;
    private final String className;
    private boolean framesNeeded;
    private int woven;

    MainLoopWeaver(ClassVisitor next, MainLoopRules rules, String className) {
        super(Opcodes.ASM9, next);
        this.rules = rules;
        this.className = className;
    }

    /** How many methods were wrapped. */
    int woven() {
        return woven;
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        framesNeeded = (version & 0xFFFF) >= Opcodes.V1_6;
        super.visit(version, access, name, signature, superName, interfaces);
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
            if (rule != null) {
                origin = rule + "|" + className + "." + methodName;
                super.visitLabel(start);
            }
        }

        @Override
        public void visitMaxs(int maxStack, int maxLocals) {
            if (origin != null) {
                Label end = new Label();
                Label handler = new Label();
                Label carryOn = new Label();
                super.visitLabel(end);
                // Added last, so every handler of the method's own comes first.
                super.visitTryCatchBlock(start, end, handler, "java/lang/Throwable");
                super.visitLabel(handler);
                frame();
                super.visitLdcInsn(MainLoopOrigins.register(origin)); // an int: no allocation
                super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, "mainLoopFailed",
                        "(Ljava/lang/Throwable;I)Ljava/lang/Throwable;", false);
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
                super.visitFrame(Opcodes.F_FULL, 0, null, 1, THROWABLE_ON_STACK);
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
