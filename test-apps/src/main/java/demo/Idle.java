package demo;

/** Does nothing for {@code args[0]} seconds (default 30): a program that simply runs. */
public class Idle {
    public static void main(String[] args) throws Exception {
        System.out.println("idle");
        Thread.sleep(1000L * (args.length > 0 ? Integer.parseInt(args[0]) : 30));
    }
}
