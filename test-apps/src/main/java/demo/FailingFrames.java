package demo;

/**
 * A loop whose every frame fails, {@code args[0]} frames (default 20) a tenth of a second apart;
 * with {@code onCrash=continue} and {@code quiet=0} each failure is a report of its own.
 */
public class FailingFrames {
    static int frames;

    public static int frame() {
        frames++;
        throw new IllegalStateException("frame failed");
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        for (int i = 0; i < count; i++) {
            frame();
            Thread.sleep(100);
        }
        System.out.println("frames=" + frames);
    }
}
