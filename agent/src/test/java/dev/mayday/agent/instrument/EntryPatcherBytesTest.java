package dev.mayday.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** EntryPatcher's own writer writes what DataOutputStream writes. */
class EntryPatcherBytesTest {

    @Test
    void writesWhatDataOutputStreamWrites() throws IOException {
        Random random = new Random(17);
        for (int round = 0; round < 2000; round++) {
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            DataOutputStream data = new DataOutputStream(expected);
            EntryPatcher.Bytes bytes = new EntryPatcher.Bytes(16);
            for (int i = random.nextInt(20); i > 0; i--) {
                int v = random.nextInt();
                switch (random.nextInt(4)) {
                    case 0:
                        data.writeByte(v);
                        bytes.writeByte(v);
                        break;
                    case 1:
                        data.writeShort(v);
                        bytes.writeShort(v);
                        break;
                    case 2:
                        data.writeInt(v);
                        bytes.writeInt(v);
                        break;
                    default:
                        StringBuilder s = new StringBuilder();
                        for (int c = random.nextInt(12); c > 0; c--) {
                            s.append((char) (random.nextBoolean() ? 'a' + random.nextInt(26) : random.nextInt(0x10000)));
                        }
                        data.writeUTF(s.toString());
                        bytes.writeUTF(s.toString());
                }
            }
            assertArrayEquals(expected.toByteArray(), bytes.toByteArray(), "round " + round);
        }
    }
}
