package demo;

/** Prints one line and ends: the start-up comparison runs it with and without the agent. */
public class Hello {
    public static void main(String[] args) {
        System.out.println("hello");
    }
}
