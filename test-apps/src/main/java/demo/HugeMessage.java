package demo;

/** A main loop that fails with a 50 MB message (run with -Xmx512m or so). */
public class HugeMessage {
    public static void tick() {
        throw new IllegalStateException("x".repeat(50 * 1024 * 1024));
    }

    public static void main(String[] args) {
        tick();
    }
}
