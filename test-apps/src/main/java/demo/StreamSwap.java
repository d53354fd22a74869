package demo;

import java.io.FileOutputStream;
import java.io.PrintStream;

/** Sends System.out to a file of its own, prints there, then fails in its main loop. */
public class StreamSwap {
    public static void main(String[] args) throws Exception {
        System.out.println("console line before the redirect");
        System.setOut(new PrintStream(new FileOutputStream(args[0]), true));
        System.out.println("redirected line one");
        System.out.println("redirected line two");
        loop();
    }

    public static void loop() {
        throw new IllegalStateException("after redirect");
    }
}
