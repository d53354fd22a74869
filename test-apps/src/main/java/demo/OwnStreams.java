package demo;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;

/**
 * Sets PrintStream subclasses of its own as System.out and System.err, casts them back, relies
 * on their overrides, prints a line it does not finish on stderr, then fails in its main loop.
 */
public class OwnStreams {

    /** Counts the calls the program relies on, and marks what passes through its overrides. */
    static class Tee extends PrintStream {
        int ints;
        int objects;
        int printfs;

        Tee(OutputStream out) {
            super(out, true);
        }

        @Override
        public void println(int x) {
            ints++;
            super.println(x);
        }

        @Override
        public void println(Object x) {
            objects++;
            super.println("[tee] " + x);
        }

        @Override
        public PrintStream printf(String format, Object... args) {
            printfs++;
            return super.printf("[tee] " + format, args);
        }
    }

    public static void main(String[] args) throws Exception {
        System.out.println("before the program's own streams");
        Tee out = new Tee(new FileOutputStream(FileDescriptor.out));
        Tee err = new Tee(System.err);
        System.setOut(out);
        System.setErr(err);
        System.out.println(7);
        System.out.println((Object) Collections.singletonList("listed"));
        System.out.printf("%d apples%n", 3);
        Tee cast = (Tee) System.out; // a ClassCastException if anything stood in for the program's stream
        System.out.println("identity out=" + (System.out == out) + " err=" + (System.err == err));
        System.out.println("overrides ints=" + cast.ints + " objects=" + cast.objects + " printfs=" + cast.printfs);
        System.out.println("unicode h\u00e9llo w\u00f6rld \u2713 \ud83d\ude00");
        System.out.write("raw\r\nbytes \u00fc ".getBytes(StandardCharsets.UTF_8));
        System.out.write(new byte[] {(byte) 0xc3}); // half of a character, finished by the next write
        System.out.write(new byte[] {(byte) 0xa9, '\n'});
        System.out.flush();
        System.err.println("last stderr line");
        System.err.print("progress 50%"); // no newline, as a progress line or a colour reset leaves it
        System.err.flush();
        loop();
    }

    public static void loop() {
        throw new IllegalStateException("own streams");
    }
}
