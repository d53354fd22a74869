package demo;

/** A request loop marked with the application's {@code @demo.Loop}; the request handler divides by zero. */
public class ServerLoop {
    private int served;

    @Loop
    public long serve(int divisor) {
        served++;
        return 100 / divisor;
    }

    public static void main(String[] args) {
        ServerLoop server = new ServerLoop();
        long total = 0;
        for (int i = 3; i >= -3; i--) {
            try {
                total += server.serve(i);
            } catch (ArithmeticException e) {
                System.out.println("app caught: " + e);
            }
        }
        System.out.println("served " + server.served + " total " + total);
    }
}
