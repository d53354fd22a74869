package dev.mayday.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassBytesTest {

    @TempDir
    Path dir;

    private Path jar(byte[]... contents) throws IOException {
        Path jar = dir.resolve("test.jar");
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
            for (int i = 0; i < contents.length; i++) {
                ZipEntry entry = new ZipEntry("e" + i);
                if (i % 2 == 0) { // stored, as Mayday's classes are; the others deflated
                    CRC32 crc = new CRC32();
                    crc.update(contents[i]);
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(contents[i].length);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(contents[i]);
                zip.closeEntry();
            }
        }
        return jar;
    }

    private static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void eachEntryIsReadWholeIntoTheLentBuffer() throws IOException {
        byte[][] contents = {random(9000, 1), random(100, 2), random(0, 3), random(70_000, 4), random(31, 5)};
        try (ZipFile zip = new ZipFile(jar(contents).toFile())) {
            ClassBytes bytes = new ClassBytes();
            for (int i = 0; i < contents.length; i++) {
                byte[] read = bytes.read(zip, zip.getEntry("e" + i));
                assertArrayEquals(contents[i], Arrays.copyOf(read, contents[i].length), "entry " + i);
                bytes.release(read);
            }
        }
    }

    @Test
    void theBufferIsReusedAndANestedReadGetsItsOwn() throws IOException {
        byte[][] contents = {random(5000, 6), random(6000, 7)};
        try (ZipFile zip = new ZipFile(jar(contents).toFile())) {
            ClassBytes bytes = new ClassBytes();
            byte[] outer = bytes.read(zip, zip.getEntry("e0"));
            // A superclass defined while its subclass is: the outer buffer is still in use.
            byte[] inner = bytes.read(zip, zip.getEntry("e1"));
            assertNotSame(outer, inner);
            assertArrayEquals(contents[0], Arrays.copyOf(outer, 5000), "the outer read was not overwritten");
            bytes.release(inner);
            bytes.release(outer);
            byte[] again = bytes.read(zip, zip.getEntry("e1"));
            assertSame(outer, again, "the larger buffer is lent again");
        }
    }

    @Test
    void aShortEntryIsAnError() throws IOException {
        Path jar = jar(random(1000, 8));
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry lying = new ZipEntry(zip.getEntry("e0"));
            lying.setSize(2000);
            assertThrows(IOException.class, () -> new ClassBytes().read(zip, lying));
        }
    }
}
