package demo;

/** A loop whose every frame fails; with {@code onCrash=continue} it must run to the end. */
public class ContinueLoop {
    static int frames;

    public static int frame() {
        frames++;
        throw new IllegalStateException("frame " + frames + " failed");
    }

    public static void main(String[] args) {
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += frame();
        }
        System.out.println("survived frames=" + frames + " sum=" + sum);
    }
}
