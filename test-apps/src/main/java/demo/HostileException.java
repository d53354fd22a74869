package demo;

/** A failure that fights back: asking for its cause throws. Mayday must still write a report. */
public class HostileException {
    static class Nasty extends RuntimeException {
        Nasty() {
            super("nasty");
        }

        @Override
        public synchronized Throwable getCause() {
            throw new IllegalStateException("no cause for you");
        }
    }

    public static void tick() {
        throw new Nasty();
    }

    public static void main(String[] args) {
        tick();
    }
}
