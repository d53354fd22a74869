package dev.mayday.agent.instrument;

import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Weaves one logging framework method where every enabled event passes once. At its start the
 * dispatch is marked ({@code LogEcho.enter}, whose mark is kept in a new local); in the outermost
 * dispatch the event's fields, read with the framework's own getters, go to {@code LogCapture}
 * (JDK types only), which keeps the record. Every way out of the method, return or throw, ends the
 * mark ({@code LogEcho.exit}), so what a console appender prints meanwhile is known as the copy of
 * a kept record. Whatever the getters or the capture throw is dropped: the logging call goes on.
 *
 * <p>One thread-local look-up per record (the mark), and nothing run in a nested dispatch (a
 * Log4j2 parent config that additivity reaches) but a compare.
 *
 * <p>The frames added name only the method's parameters and the mark (as the main-loop weaver's),
 * so no class has to be loaded to compute frames.
 */
final class LogHookWeaver extends Weaver {

    private static final String CAPTURE = "dev/mayday/bootstrap/LogCapture";
    private static final String ECHO = "dev/mayday/bootstrap/LogEcho";
    private static final String MARK = "[I";

    private final LogHooks.Target target;
    /** The hooked method's own {@code max_locals} (a first pass): the mark goes after them. */
    private final int markSlot;
    private String owner;

    LogHookWeaver(ClassVisitor next, LogHooks.Target target, int ownMaxLocals) {
        super(next);
        this.target = target;
        this.markSlot = ownMaxLocals;
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        owner = name;
        super.visit(version, access, name, signature, superName, interfaces);
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
        MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
        if (mv == null || markSlot < 0 || (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE | Opcodes.ACC_STATIC)) != 0
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
            Label captureStart = new Label();
            Label captureEnd = new Label();
            Label captureFailed = new Label();
            Label captured = new Label();
            super.visitTryCatchBlock(captureStart, captureEnd, captureFailed, "java/lang/Throwable");
            super.visitMethodInsn(Opcodes.INVOKESTATIC, ECHO, "enter", "()" + MARK, false);
            super.visitVarInsn(Opcodes.ASTORE, markSlot);
            if (target != LogHooks.Target.LOGBACK) {
                // Log4j2 passes an event on to each parent config: only the outermost keeps it.
                super.visitVarInsn(Opcodes.ALOAD, markSlot);
                super.visitInsn(Opcodes.ICONST_0);
                super.visitInsn(Opcodes.IALOAD);
                super.visitInsn(Opcodes.ICONST_1);
                super.visitJumpInsn(Opcodes.IF_ICMPNE, captured);
            }
            super.visitLabel(captureStart);
            if (target == LogHooks.Target.LOGBACK) {
                logbackPrologue();
            } else {
                log4j2Prologue();
            }
            super.visitLabel(captureEnd);
            super.visitJumpInsn(Opcodes.GOTO, captured);
            super.visitLabel(captureFailed);
            frame(THROWABLE_ON_STACK);
            super.visitInsn(Opcodes.POP);
            super.visitLabel(captured);
            frame(new Object[0]);
            // The method's own first frame, if its code starts with one, needs an offset of its own.
            super.visitInsn(Opcodes.NOP);
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
            if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
                exitMark();
            }
            super.visitInsn(opcode);
        }

        @Override
        public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
            if (type != Opcodes.F_NEW) {
                super.visitFrame(type, numLocal, local, numStack, stack);
                return;
            }
            // The mark is live wherever the body is.
            Object[] locals = withLocal(numLocal, local, markSlot, MARK);
            super.visitFrame(type, locals.length, locals, numStack, stack);
        }

        @Override
        public void visitMaxs(int maxStack, int maxLocals) {
            Label end = new Label();
            Label handler = new Label();
            super.visitLabel(end);
            // Added last, so every handler of the method's own comes first.
            super.visitTryCatchBlock(start, end, handler, null);
            super.visitLabel(handler);
            frame(THROWABLE_ON_STACK);
            exitMark();
            super.visitInsn(Opcodes.ATHROW);
            woven++;
            super.visitMaxs(maxStack, maxLocals);
        }

        private void exitMark() {
            super.visitVarInsn(Opcodes.ALOAD, markSlot);
            super.visitMethodInsn(Opcodes.INVOKESTATIC, ECHO, "exit", "(" + MARK + ")V", false);
        }

        /** A frame of the method's parameters (as on entry), nothing else but the mark, and {@code stack}. */
        private void frame(Object[] stack) {
            if (!framesNeeded) {
                return;
            }
            Type[] parameters = Type.getArgumentTypes(target.descriptor);
            Object[] entry = new Object[parameters.length + 1];
            entry[0] = owner;
            for (int i = 0; i < parameters.length; i++) {
                entry[i + 1] = frameType(parameters[i]);
            }
            Object[] locals = withLocal(entry.length, entry, markSlot, MARK);
            super.visitFrame(Opcodes.F_NEW, locals.length, locals, stack.length, stack);
        }
    }

    private static Object frameType(Type type) {
        switch (type.getSort()) {
            case Type.BOOLEAN:
            case Type.BYTE:
            case Type.CHAR:
            case Type.SHORT:
            case Type.INT:
                return Opcodes.INTEGER;
            case Type.LONG:
                return Opcodes.LONG;
            case Type.FLOAT:
                return Opcodes.FLOAT;
            case Type.DOUBLE:
                return Opcodes.DOUBLE;
            case Type.ARRAY:
                return type.getDescriptor();
            default:
                return type.getInternalName();
        }
    }
}
