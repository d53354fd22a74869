package demo;

/**
 * A main loop whose frame recurses without end: StackOverflowError. With the pattern
 * {@code demo.Recursion#*} every frame of the recursion is a wrapped main-loop call.
 */
public class Recursion {
    static int depth(int n) {
        return depth(n + 1) + 1;
    }

    public static void frame() {
        depth(0);
    }

    public static void main(String[] args) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("shutdown hook ran")));
        frame();
        System.out.println("main went on");
    }
}
