package demo;

/** A main loop whose frame recurses without end: StackOverflowError. */
public class Recursion {
    static int depth(int n) {
        return depth(n + 1) + 1;
    }

    public static void frame() {
        depth(0);
    }

    public static void main(String[] args) {
        frame();
    }
}
