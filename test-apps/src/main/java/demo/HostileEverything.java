package demo;

/**
 * A failure whose every accessor throws: message, cause, stack trace, suppressed, toString. A
 * report must still be written, with the threads, logs and system around it.
 */
public class HostileEverything {
    static class Nasty extends RuntimeException {
        Nasty() {
            super("nasty");
        }

        @Override
        public String getMessage() {
            throw new IllegalStateException("no message for you");
        }

        @Override
        public String getLocalizedMessage() {
            throw new IllegalStateException("no message for you");
        }

        @Override
        public synchronized Throwable getCause() {
            throw new IllegalStateException("no cause for you");
        }

        @Override
        public StackTraceElement[] getStackTrace() {
            throw new IllegalStateException("no stack for you");
        }

        @Override
        public String toString() {
            throw new IllegalStateException("no text for you");
        }
    }

    public static void tick() {
        java.util.logging.Logger.getLogger("demo.hostile").info("about to fail in a hostile way");
        throw new Nasty();
    }

    public static void main(String[] args) {
        tick();
    }
}
