package dev.mayday.agent.instrument;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Inserts one static call at the start of one method of a class file, without a bytecode
 * library. Mayday's JDK hooks are all of this shape; doing them by hand keeps ASM (27 classes,
 * interpreted at that point) out of every program's start-up.
 *
 * <p>The call's arguments are local variables ({@code aload}, or {@code iload} where the call's
 * descriptor says {@code int}) and at most one small int
 * constant; its result, if any, is stored back into a local. The inserted code is padded with
 * {@code nop}s to a multiple of four bytes, so {@code tableswitch}/{@code lookupswitch} padding in
 * the old code stays aligned; every code offset in the method (exception table, line numbers,
 * local variables, the first stack map frame) moves by that length. A method with any other code
 * attribute, or a class file this reader does not understand, is left alone (null).
 */
final class EntryPatcher {

    /** The call to insert: {@code owner.name(descriptor)} with the given loads and optional store. */
    static final class Call {
        final int[] loadSlots;
        final int intArgument; // pushed after the loads when >= 0
        final String owner;
        final String name;
        final String descriptor;
        final int storeSlot; // -1: the method returns void

        Call(int[] loadSlots, int intArgument, String owner, String name, String descriptor, int storeSlot) {
            this.loadSlots = loadSlots;
            this.intArgument = intArgument;
            this.owner = owner;
            this.name = name;
            this.descriptor = descriptor;
            this.storeSlot = storeSlot;
        }
    }

    private final byte[] b;
    private int pos;

    private EntryPatcher(byte[] classFile) {
        this.b = classFile;
    }

    /** The patched class file, or null when the method is missing or the file holds something unexpected. */
    static byte[] insert(byte[] classFile, String methodName, String methodDescriptor, Call call) {
        try {
            return new EntryPatcher(classFile).patch(methodName, methodDescriptor, call);
        } catch (RuntimeException | IOException e) {
            return null;
        }
    }

    private byte[] patch(String methodName, String methodDescriptor, Call call) throws IOException {
        if (u4(0) != 0xCAFEBABEL) {
            return null;
        }
        int cpCount = u2(8);
        // Where each Utf8 constant starts; names are compared in place rather than decoded, as
        // this runs in premain, interpreted, over classes with a thousand constants (Thread).
        int[] utf8 = new int[cpCount];
        pos = 10;
        for (int i = 1; i < cpCount; i++) {
            int tag = b[pos] & 0xff;
            switch (tag) {
                case 1:
                    utf8[i] = pos;
                    pos += 3 + u2(pos + 1);
                    break;
                case 3: case 4: case 9: case 10: case 11: case 12: case 17: case 18:
                    pos += 5;
                    break;
                case 5: case 6:
                    pos += 9;
                    i++;
                    break;
                case 7: case 8: case 16: case 19: case 20:
                    pos += 3;
                    break;
                case 15:
                    pos += 4;
                    break;
                default:
                    return null;
            }
        }
        int cpEnd = pos;
        // New constant pool entries: Utf8 owner, Class, Utf8 name, Utf8 descriptor, NameAndType, Methodref.
        Bytes extra = new Bytes(64);
        int ownerUtf8 = cpCount;
        int ownerClass = cpCount + 1;
        int nameUtf8 = cpCount + 2;
        int descUtf8 = cpCount + 3;
        int nameAndType = cpCount + 4;
        int methodref = cpCount + 5;
        extra.writeByte(1);
        extra.writeUTF(call.owner);
        extra.writeByte(7);
        extra.writeShort(ownerUtf8);
        extra.writeByte(1);
        extra.writeUTF(call.name);
        extra.writeByte(1);
        extra.writeUTF(call.descriptor);
        extra.writeByte(12);
        extra.writeShort(nameUtf8);
        extra.writeShort(descUtf8);
        extra.writeByte(10);
        extra.writeShort(ownerClass);
        extra.writeShort(nameAndType);

        pos = cpEnd + 6; // access, this, super
        pos += 2 + 2 * u2(pos); // interfaces
        skipMembers(); // fields
        int methodsCount = u2(pos);
        pos += 2;
        for (int m = 0; m < methodsCount; m++) {
            int name = u2(pos + 2);
            int descriptor = u2(pos + 4);
            int attributes = u2(pos + 6);
            int attrPos = pos + 8;
            boolean target = isUtf8(utf8, name, methodName) && isUtf8(utf8, descriptor, methodDescriptor);
            for (int a = 0; a < attributes; a++) {
                int attrLength = (int) u4(attrPos + 2);
                if (target && isUtf8(utf8, u2(attrPos), "Code")) {
                    byte[] code = patchCode(attrPos, attrLength, utf8, call, methodref);
                    if (code == null) {
                        return null;
                    }
                    return assemble(cpCount + 6, cpEnd, extra.toByteArray(), attrPos, attrLength, code);
                }
                attrPos += 6 + attrLength;
            }
            pos = attrPos;
        }
        return null; // no such method
    }

    private void skipMembers() {
        int count = u2(pos);
        pos += 2;
        for (int i = 0; i < count; i++) {
            int attributes = u2(pos + 6);
            pos += 8;
            for (int a = 0; a < attributes; a++) {
                pos += 6 + (int) u4(pos + 2);
            }
        }
    }

    /** The whole new Code attribute (name, length and body). */
    private byte[] patchCode(int attrPos, int attrLength, int[] utf8, Call call, int methodref) throws IOException {
        int body = attrPos + 6;
        int maxStack = u2(body);
        int maxLocals = u2(body + 2);
        int codeLength = (int) u4(body + 4);
        int codeStart = body + 8;

        ByteArrayOutputStream inserted = new ByteArrayOutputStream();
        int stack = 0;
        char[] types = parameterTypes(call.descriptor);
        for (int i = 0; i < call.loadSlots.length; i++) {
            if (i < types.length && types[i] == 'I') {
                loadInt(inserted, call.loadSlots[i]);
            } else {
                loadReference(inserted, call.loadSlots[i]);
            }
            stack++;
        }
        if (call.intArgument >= 0) {
            if (call.intArgument > 5) {
                return null;
            }
            inserted.write(0x03 + call.intArgument); // iconst_n
            stack++;
        }
        inserted.write(0xb8); // invokestatic
        inserted.write(methodref >> 8);
        inserted.write(methodref);
        if (call.storeSlot >= 0) {
            storeReference(inserted, call.storeSlot);
        }
        int pad = (4 - inserted.size() % 4) % 4;
        int shift = inserted.size() + pad;

        Bytes d = new Bytes(attrLength + 64);
        d.writeShort(u2(attrPos)); // "Code"
        d.writeInt(0); // length, filled in below
        d.writeShort(Math.max(maxStack, Math.max(stack, 1)));
        d.writeShort(maxLocals);
        d.writeInt(codeLength + shift);
        for (int i = 0; i < pad; i++) {
            d.writeByte(0x00); // nop
        }
        byte[] insertedBytes = inserted.toByteArray();
        d.write(insertedBytes, 0, insertedBytes.length);
        d.write(b, codeStart, codeLength);
        int p = codeStart + codeLength;
        int handlers = u2(p);
        d.writeShort(handlers);
        p += 2;
        for (int h = 0; h < handlers; h++) {
            d.writeShort(u2(p) + shift);
            d.writeShort(u2(p + 2) + shift);
            d.writeShort(u2(p + 4) + shift);
            d.writeShort(u2(p + 6));
            p += 8;
        }
        int attributes = u2(p);
        d.writeShort(attributes);
        p += 2;
        for (int a = 0; a < attributes; a++) {
            int name = u2(p);
            int length = (int) u4(p + 2);
            int start = p + 6;
            if (isUtf8(utf8, name, "LineNumberTable")) {
                d.writeShort(u2(p));
                d.writeInt(length);
                int entries = u2(start);
                d.writeShort(entries);
                for (int e = 0; e < entries; e++) {
                    d.writeShort(u2(start + 2 + 4 * e) + shift);
                    d.writeShort(u2(start + 4 + 4 * e));
                }
            } else if (isUtf8(utf8, name, "LocalVariableTable") || isUtf8(utf8, name, "LocalVariableTypeTable")) {
                d.writeShort(u2(p));
                d.writeInt(length);
                int entries = u2(start);
                d.writeShort(entries);
                for (int e = 0; e < entries; e++) {
                    int at = start + 2 + 10 * e;
                    int startPc = u2(at);
                    int len = u2(at + 2);
                    // A variable live from the start is live through the inserted code too.
                    d.writeShort(startPc == 0 ? 0 : startPc + shift);
                    d.writeShort(startPc == 0 ? len + shift : len);
                    d.write(b, at + 4, 6);
                }
            } else if (isUtf8(utf8, name, "StackMapTable")) {
                byte[] frames = shiftFirstFrame(start, length, shift);
                if (frames == null) {
                    return null;
                }
                d.writeShort(u2(p));
                d.writeInt(frames.length);
                d.write(frames);
            } else {
                return null; // type annotations and the like carry offsets we do not move
            }
            p = start + length;
        }
        byte[] result = d.toByteArray();
        int length = result.length - 6;
        result[2] = (byte) (length >>> 24);
        result[3] = (byte) (length >>> 16);
        result[4] = (byte) (length >>> 8);
        result[5] = (byte) length;
        return result;
    }

    /** The StackMapTable body with its first frame moved by {@code shift} (frames are delta-coded). */
    private byte[] shiftFirstFrame(int start, int length, int shift) throws IOException {
        int entries = u2(start);
        if (entries == 0) {
            byte[] same = new byte[length];
            System.arraycopy(b, start, same, 0, length);
            return same;
        }
        Bytes d = new Bytes(length + 4);
        d.writeShort(entries);
        int p = start + 2;
        int type = b[p] & 0xff;
        int rest; // where the first frame's remainder starts
        if (type <= 63) { // same_frame -> same_frame_extended
            d.writeByte(251);
            d.writeShort(type + shift);
            rest = p + 1;
        } else if (type <= 127) { // same_locals_1_stack_item -> _extended
            d.writeByte(247);
            d.writeShort(type - 64 + shift);
            rest = p + 1;
        } else if (type >= 247) {
            d.writeByte(type);
            d.writeShort(u2(p + 1) + shift);
            rest = p + 3;
        } else {
            return null; // reserved frame types
        }
        d.write(b, rest, start + length - rest);
        return d.toByteArray();
    }

    /** The patched class file, written straight into an array of its size (no stream's copy of it). */
    private byte[] assemble(int newCpCount, int cpEnd, byte[] cpExtra, int codeAttrPos, int codeAttrLength, byte[] code) {
        int after = codeAttrPos + 6 + codeAttrLength;
        byte[] out = new byte[b.length + cpExtra.length + code.length - (after - codeAttrPos)];
        System.arraycopy(b, 0, out, 0, 8);
        out[8] = (byte) (newCpCount >> 8);
        out[9] = (byte) newCpCount;
        int at = 10;
        at = copy(b, 10, cpEnd - 10, out, at);
        at = copy(cpExtra, 0, cpExtra.length, out, at);
        at = copy(b, cpEnd, codeAttrPos - cpEnd, out, at);
        at = copy(code, 0, code.length, out, at);
        copy(b, after, b.length - after, out, at);
        return out;
    }

    private static int copy(byte[] from, int start, int length, byte[] to, int at) {
        System.arraycopy(from, start, to, at, length);
        return at + length;
    }

    /** The first letter of each parameter type in a method descriptor: 'I', 'L', '[', ... */
    static char[] parameterTypes(String descriptor) {
        StringBuilder types = new StringBuilder();
        int i = 1;
        while (descriptor.charAt(i) != ')') {
            char c = descriptor.charAt(i);
            types.append(c);
            while (descriptor.charAt(i) == '[') {
                i++;
            }
            if (descriptor.charAt(i) == 'L') {
                i = descriptor.indexOf(';', i);
            }
            i++;
        }
        return types.toString().toCharArray();
    }

    private static void loadInt(ByteArrayOutputStream out, int slot) {
        if (slot <= 3) {
            out.write(0x1a + slot); // iload_n
        } else {
            out.write(0x15); // iload
            out.write(slot);
        }
    }

    private static void loadReference(ByteArrayOutputStream out, int slot) {
        if (slot <= 3) {
            out.write(0x2a + slot); // aload_n
        } else {
            out.write(0x19); // aload
            out.write(slot);
        }
    }

    private static void storeReference(ByteArrayOutputStream out, int slot) {
        if (slot <= 3) {
            out.write(0x4b + slot); // astore_n
        } else {
            out.write(0x3a); // astore
            out.write(slot);
        }
    }

    /**
     * True if constant {@code index} is the Utf8 {@code text}. Only ASCII text is compared (every
     * name this class looks for is): in modified UTF-8 each ASCII character is one byte.
     */
    private boolean isUtf8(int[] utf8, int index, String text) {
        if (index <= 0 || index >= utf8.length || utf8[index] == 0) {
            return false;
        }
        int at = utf8[index];
        int length = u2(at + 1);
        if (length != text.length()) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (b[at + 3 + i] != (byte) text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private int u2(int at) {
        return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    }

    private long u4(int at) {
        return ((long) u2(at) << 16) | u2(at + 2);
    }

    /**
     * DataOutputStream's big-endian writes without DataOutputStream: on JDK 21 and later its class
     * initialiser makes six VarHandles, about 1.5 ms of premain, for the few numbers written here.
     */
    static final class Bytes extends ByteArrayOutputStream {

        Bytes(int size) {
            super(size);
        }

        void writeByte(int v) {
            write(v);
        }

        void writeShort(int v) {
            write(v >>> 8);
            write(v);
        }

        void writeInt(int v) {
            write(v >>> 24);
            write(v >>> 16);
            write(v >>> 8);
            write(v);
        }

        /** Modified UTF-8 with its length first, as a class file's Utf8 constant holds it. */
        void writeUTF(String s) throws IOException {
            int length = 0;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                length += c >= 1 && c <= 0x7F ? 1 : c <= 0x7FF ? 2 : 3;
            }
            if (length > 0xFFFF) {
                throw new java.io.UTFDataFormatException("too long: " + length + " bytes");
            }
            writeShort(length);
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c >= 1 && c <= 0x7F) {
                    write(c);
                } else if (c <= 0x7FF) {
                    write(0xC0 | (c >> 6));
                    write(0x80 | (c & 0x3F));
                } else {
                    write(0xE0 | (c >> 12));
                    write(0x80 | ((c >> 6) & 0x3F));
                    write(0x80 | (c & 0x3F));
                }
            }
        }
    }
}
