package demo;

/**
 * The same bug on several threads, one after the other (each thread's body is one lambda calling
 * one helper with other data), then another bug through the same helper from another lambda.
 * Usage: {@code RepeatedFailure TIMES}.
 */
public final class RepeatedFailure {

    private RepeatedFailure() {
    }

    public static void main(String[] args) throws InterruptedException {
        int times = Integer.parseInt(args[0]);
        for (int i = 0; i < times; i++) {
            final int job = i;
            Thread t = new Thread(() -> fail("job " + job + " found no customer"), "job-" + i);
            t.start();
            t.join();
        }
        Thread audit = new Thread(() -> fail("audit of " + times + " jobs found no ledger"), "audit");
        audit.start();
        audit.join();
        System.out.println("main ends after " + times + " jobs");
    }

    static void fail(String what) {
        throw new IllegalStateException(what);
    }
}
