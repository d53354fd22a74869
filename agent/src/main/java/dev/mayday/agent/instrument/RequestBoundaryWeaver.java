package dev.mayday.agent.instrument;

import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Weaves a server's request boundary methods ({@link RequestBoundaries}):
 *
 * <pre>
 * RequestFailures.enter(request, api);
 * try { body; RequestFailures.exit(api); return; }      // before every return
 * catch (Throwable t) { RequestFailures.failed(t, api); throw t; }
 * </pre>
 *
 * The failure is always thrown on, unchanged: the server answers and logs exactly as before.
 * Netty's pipeline tail gets one call at its start ({@code unhandledInNetty(this, cause)}).
 * The handler's stack map frame names no locals, so no class has to be loaded to compute frames.
 */
final class RequestBoundaryWeaver extends Weaver {

    private static final String FAILURES = "dev/mayday/bootstrap/RequestFailures";

    private final String className;

    RequestBoundaryWeaver(ClassVisitor next, String className) {
        super(next);
        this.className = className;
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
        MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
        if (mv == null || (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE | Opcodes.ACC_STATIC
                | Opcodes.ACC_BRIDGE | Opcodes.ACC_SYNTHETIC)) != 0) {
            return mv;
        }
        if (className.equals(RequestBoundaries.NETTY_PIPELINE) && name.equals(RequestBoundaries.NETTY_METHOD)
                && descriptor.equals(RequestBoundaries.NETTY_DESCRIPTOR)) {
            woven++;
            return new NettyTail(mv);
        }
        int api = RequestBoundaries.api(name, descriptor);
        if (api < 0) {
            return mv;
        }
        woven++;
        return new Boundary(mv, api);
    }

    private final class Boundary extends MethodVisitor {
        private final int api;
        private final Label start = new Label();

        Boundary(MethodVisitor next, int api) {
            super(Opcodes.ASM9, next);
            this.api = api;
        }

        @Override
        public void visitCode() {
            super.visitCode();
            super.visitVarInsn(Opcodes.ALOAD, 1); // the request
            push(api);
            super.visitMethodInsn(Opcodes.INVOKESTATIC, FAILURES, "enter", "(Ljava/lang/Object;I)V", false);
            super.visitLabel(start);
        }

        @Override
        public void visitInsn(int opcode) {
            if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
                push(api);
                super.visitMethodInsn(Opcodes.INVOKESTATIC, FAILURES, "exit", "(I)V", false);
            }
            super.visitInsn(opcode);
        }

        @Override
        public void visitMaxs(int maxStack, int maxLocals) {
            Label end = new Label();
            Label handler = new Label();
            super.visitLabel(end);
            // Added last, so every handler of the method's own comes first.
            super.visitTryCatchBlock(start, end, handler, "java/lang/Throwable");
            super.visitLabel(handler);
            if (framesNeeded) {
                super.visitFrame(Opcodes.F_FULL, 0, null, 1, THROWABLE_ON_STACK);
            }
            super.visitInsn(Opcodes.DUP);
            push(api);
            super.visitMethodInsn(Opcodes.INVOKESTATIC, FAILURES, "failed", "(Ljava/lang/Throwable;I)V", false);
            super.visitInsn(Opcodes.ATHROW);
            super.visitMaxs(maxStack, maxLocals);
        }

        private void push(int value) {
            super.visitInsn(Opcodes.ICONST_0 + value);
        }
    }

    private static final class NettyTail extends MethodVisitor {
        NettyTail(MethodVisitor next) {
            super(Opcodes.ASM9, next);
        }

        @Override
        public void visitCode() {
            super.visitCode();
            super.visitVarInsn(Opcodes.ALOAD, 0);
            super.visitVarInsn(Opcodes.ALOAD, 1);
            super.visitMethodInsn(Opcodes.INVOKESTATIC, FAILURES, "unhandledInNetty",
                    "(Ljava/lang/Object;Ljava/lang/Throwable;)V", false);
        }
    }
}
