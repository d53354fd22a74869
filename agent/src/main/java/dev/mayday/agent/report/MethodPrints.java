package dev.mayday.agent.report;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * What tells two lambdas (or two anonymous classes) of one method apart when their names only
 * differ by a counter the compiler renumbers: a fingerprint of each method's instructions
 * (opcodes and the names they use: no line numbers, no constant-pool indexes, lambda counters
 * removed), and the functional interface each lambda implements. Both stay equal across
 * rebuilds that shift lines or renumber lambdas, and differ for lambdas that do different things.
 */
final class MethodPrints {

    private static final int MAX_CLASSES = 512;
    private static final String METAFACTORY = "java/lang/invoke/LambdaMetafactory";

    /** One class: fingerprint by method name (overloads folded together), interface by lambda method. */
    static final class OfClass {
        final Map<String, String> prints;
        final Map<String, String> interfaces;

        OfClass(Map<String, String> prints, Map<String, String> interfaces) {
            this.prints = prints;
            this.interfaces = interfaces;
        }
    }

    private static final OfClass NONE = new OfClass(new HashMap<String, String>(), new HashMap<String, String>());

    private final Map<String, OfClass> byClass = new LinkedHashMap<String, OfClass>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, OfClass> eldest) {
            return size() > MAX_CLASSES;
        }
    };

    /** The prints of {@code className} loaded from {@code location}; empty when its file cannot be read. */
    synchronized OfClass of(String location, String className) {
        String key = location + "!" + className;
        OfClass known = byClass.get(key);
        if (known == null) {
            byte[] bytes = ClassFiles.read(location, className);
            known = bytes == null ? NONE : parse(bytes);
            byClass.put(key, known);
        }
        return known;
    }

    static OfClass parse(byte[] bytes) {
        final Map<String, StringBuilder> code = new HashMap<String, StringBuilder>();
        final Map<String, String> interfaces = new HashMap<String, String>();
        try {
            new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                                 String[] exceptions) {
                    StringBuilder text = code.get(name);
                    if (text == null) {
                        text = new StringBuilder(256);
                        code.put(name, text);
                    }
                    text.append(Counters.strip(descriptor)).append('{');
                    return new Printer(text, interfaces);
                }
            }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        } catch (RuntimeException e) {
            return NONE; // a class file ASM cannot read: no prints, the caller falls back
        }
        Map<String, String> prints = new HashMap<String, String>();
        for (Map.Entry<String, StringBuilder> e : code.entrySet()) {
            prints.put(e.getKey(), Signature.sha256Hex(e.getValue().toString()).substring(0, 8));
        }
        return new OfClass(prints, interfaces);
    }

    /** Writes each instruction as text; what differs between builds of the same code is left out. */
    private static final class Printer extends MethodVisitor {
        private final StringBuilder out;
        private final Map<String, String> interfaces;

        Printer(StringBuilder out, Map<String, String> interfaces) {
            super(Opcodes.ASM9);
            this.out = out;
            this.interfaces = interfaces;
        }

        @Override
        public void visitInsn(int opcode) {
            out.append(opcode).append(';');
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
            out.append(opcode).append(' ').append(operand).append(';');
        }

        @Override
        public void visitVarInsn(int opcode, int var) {
            out.append(opcode).append(' ').append(var).append(';');
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            out.append(opcode).append(' ').append(Counters.strip(type)).append(';');
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            out.append(opcode).append(' ').append(Counters.strip(owner)).append('.').append(name).append(';');
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            out.append(opcode).append(' ').append(Counters.strip(owner)).append('.').append(Counters.strip(name))
                    .append(Counters.strip(descriptor)).append(';');
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            out.append("indy ").append(name).append(Counters.strip(descriptor));
            for (Object a : arguments) {
                out.append(' ').append(a instanceof Handle
                        ? Counters.strip(((Handle) a).getOwner() + "." + ((Handle) a).getName())
                        : Counters.strip(String.valueOf(a)));
            }
            out.append(';');
            if (METAFACTORY.equals(bootstrap.getOwner()) && arguments.length > 1 && arguments[1] instanceof Handle) {
                interfaces.put(((Handle) arguments[1]).getName(), Type.getReturnType(descriptor).getClassName());
            }
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            out.append(opcode).append(';');
        }

        @Override
        public void visitLdcInsn(Object value) {
            out.append("ldc ").append(value instanceof String ? value : Counters.strip(String.valueOf(value))).append(';');
        }

        @Override
        public void visitIincInsn(int var, int increment) {
            out.append("iinc ").append(var).append(' ').append(increment).append(';');
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
            out.append("table ").append(min).append(' ').append(max).append(';');
        }

        @Override
        public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
            out.append("lookup ").append(java.util.Arrays.toString(keys)).append(';');
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
            out.append("multi ").append(descriptor).append(numDimensions).append(';');
        }

        @Override
        public void visitEnd() {
            out.append('}');
        }
    }

    /** Removes the counters compilers put in synthetic names: lambda$run$3, Outer$2, _closure4. */
    static final class Counters {
        /** Compiled when a synthetic name first needs them, not by every first report. */
        private static final class Patterns {
            static final java.util.regex.Pattern LAMBDA = java.util.regex.Pattern.compile("(lambda\\$[\\w$]*?)\\$\\d+");
            static final java.util.regex.Pattern ANONYMOUS = java.util.regex.Pattern.compile("\\$\\d+(?=[;.$/]|$)");
            static final java.util.regex.Pattern CLOSURE = java.util.regex.Pattern.compile("(_closure)\\d+");
        }

        private Counters() {
        }

        static String strip(String name) {
            if (name.indexOf('$') < 0 && name.indexOf("_closure") < 0) {
                return name;
            }
            String s = Patterns.LAMBDA.matcher(name).replaceAll("$1");
            s = Patterns.ANONYMOUS.matcher(s).replaceAll("\\$");
            return Patterns.CLOSURE.matcher(s).replaceAll("$1");
        }
    }
}
