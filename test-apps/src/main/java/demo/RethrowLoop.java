package demo;

/** With {@code onCrash=rethrow} the application's own handling goes on as without Mayday. */
public class RethrowLoop {
    public static void step() {
        throw new UnsupportedOperationException("not yet");
    }

    public static void main(String[] args) {
        try {
            step();
        } catch (UnsupportedOperationException e) {
            System.out.println("app caught " + e.getMessage());
            System.exit(3);
        }
    }
}
