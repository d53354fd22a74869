package dev.mayday.agent.instrument;

import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Weaves one logging framework method where every enabled event passes once: at its start the
 * event's fields, read with the framework's own getters, go to {@code LogCapture} (JDK types
 * only), which keeps the record and marks the dispatch ({@code LogEcho.begin}); every way out of
 * the method, return or throw, ends the mark ({@code LogEcho.end}), so what a console appender
 * prints meanwhile is known as the copy of a kept record.
 *
 * <p>The handler's stack map frame names no locals (as the main-loop weaver's), so no class has to
 * be loaded to compute frames.
 */
final class LogHookWeaver extends ClassVisitor {

    private static final String CAPTURE = "dev/mayday/bootstrap/LogCapture";
    private static final String ECHO = "dev/mayday/bootstrap/LogEcho";
    private static final Object[] THROWABLE_ON_STACK = {"java/lang/Throwable"};

    private final LogHooks.Target target;
    private boolean framesNeeded;
    private int woven;

    LogHookWeaver(ClassVisitor next, LogHooks.Target target) {
        super(Opcodes.ASM9, next);
        this.target = target;
    }

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
        if (mv == null || (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE | Opcodes.ACC_STATIC)) != 0
                || !name.equals(target.method) || !descriptor.equals(target.descriptor)) {
            return mv;
        }
        return new Hooked(mv);
    }

    private final class Hooked extends MethodVisitor {
        private final Label start = new Label();

        Hooked(MethodVisitor next) {
            super(Opcodes.ASM9, next);
        }

        @Override
        public void visitCode() {
            super.visitCode();
            if (target == LogHooks.Target.LOGBACK) {
                logbackPrologue();
            } else {
                log4j2Prologue();
            }
            super.visitLabel(start);
        }

        private void logbackPrologue() {
            String event = "ch/qos/logback/classic/spi/ILoggingEvent";
            get(event, "getTimeStamp", "()J");
            get(event, "getLevel", "()Lch/qos/logback/classic/Level;");
            super.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "ch/qos/logback/classic/Level", "toInt", "()I", false);
            get(event, "getLoggerName", "()Ljava/lang/String;");
            get(event, "getThreadName", "()Ljava/lang/String;");
            get(event, "getMessage", "()Ljava/lang/String;");
            get(event, "getArgumentArray", "()[Ljava/lang/Object;");
            get(event, "getThrowableProxy", "()Lch/qos/logback/classic/spi/IThrowableProxy;");
            super.visitMethodInsn(Opcodes.INVOKESTATIC, CAPTURE, "logback",
                    "(JILjava/lang/String;Ljava/lang/String;Ljava/lang/String;[Ljava/lang/Object;Ljava/lang/Object;)V",
                    false);
        }

        private void log4j2Prologue() {
            String event = "org/apache/logging/log4j/core/LogEvent";
            String message = "org/apache/logging/log4j/message/Message";
            String messageType = "()Lorg/apache/logging/log4j/message/Message;";
            get(event, "getTimeMillis", "()J");
            get(event, "getLevel", "()Lorg/apache/logging/log4j/Level;");
            super.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "org/apache/logging/log4j/Level", "intLevel", "()I", false);
            get(event, "getLoggerName", "()Ljava/lang/String;");
            get(event, "getThreadName", "()Ljava/lang/String;");
            get(event, "getMessage", messageType);
            get(event, "getMessage", messageType);
            super.visitMethodInsn(Opcodes.INVOKEINTERFACE, message, "getFormat", "()Ljava/lang/String;", true);
            get(event, "getMessage", messageType);
            super.visitMethodInsn(Opcodes.INVOKEINTERFACE, message, "getParameters", "()[Ljava/lang/Object;", true);
            get(event, "getThrown", "()Ljava/lang/Throwable;");
            super.visitMethodInsn(Opcodes.INVOKESTATIC, CAPTURE, "log4j2",
                    "(JILjava/lang/String;Ljava/lang/String;Ljava/lang/Object;Ljava/lang/String;[Ljava/lang/Object;"
                            + "Ljava/lang/Throwable;)V", false);
        }

        /** {@code event.getter()}: the event is the method's first parameter (local 1). */
        private void get(String owner, String name, String descriptor) {
            super.visitVarInsn(Opcodes.ALOAD, 1);
            super.visitMethodInsn(Opcodes.INVOKEINTERFACE, owner, name, descriptor, true);
        }

        @Override
        public void visitInsn(int opcode) {
            if (opcode == Opcodes.RETURN) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, ECHO, "end", "()V", false);
            }
            super.visitInsn(opcode);
        }

        @Override
        public void visitMaxs(int maxStack, int maxLocals) {
            Label end = new Label();
            Label handler = new Label();
            super.visitLabel(end);
            // Added last, so every handler of the method's own comes first.
            super.visitTryCatchBlock(start, end, handler, null);
            super.visitLabel(handler);
            if (framesNeeded) {
                super.visitFrame(Opcodes.F_FULL, 0, null, 1, THROWABLE_ON_STACK);
            }
            super.visitMethodInsn(Opcodes.INVOKESTATIC, ECHO, "end", "()V", false);
            super.visitInsn(Opcodes.ATHROW);
            woven++;
            super.visitMaxs(maxStack, maxLocals);
        }
    }
}
