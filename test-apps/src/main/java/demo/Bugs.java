package demo;

/** {@code fail(n)} throws from one of many distinct methods, so each failure has a signature of its own. */
final class Bugs {
    private Bugs() {
    }

    static void fail(int n) {
        // A distinct top frame for each n: a lambda per bucket would not do, the class and method must differ.
        switch (n % 10) {
            case 0: b0(n); break;
            case 1: b1(n); break;
            case 2: b2(n); break;
            case 3: b3(n); break;
            case 4: b4(n); break;
            case 5: b5(n); break;
            case 6: b6(n); break;
            case 7: b7(n); break;
            case 8: b8(n); break;
            default: b9(n);
        }
    }

    private static RuntimeException bug(int n) {
        // The exception type differs too, so that n and n + 10 are different bugs.
        switch (n / 10 % 10) {
            case 0: return new IllegalStateException("bug " + n);
            case 1: return new IllegalArgumentException("bug " + n);
            case 2: return new UnsupportedOperationException("bug " + n);
            case 3: return new ArithmeticException("bug " + n);
            case 4: return new ArrayStoreException("bug " + n);
            case 5: return new ClassCastException("bug " + n);
            case 6: return new NegativeArraySizeException("bug " + n);
            case 7: return new java.util.NoSuchElementException("bug " + n);
            case 8: return new java.util.ConcurrentModificationException("bug " + n);
            default: return new IndexOutOfBoundsException("bug " + n);
        }
    }

    static void b0(int n) { throw bug(n); }
    static void b1(int n) { throw bug(n); }
    static void b2(int n) { throw bug(n); }
    static void b3(int n) { throw bug(n); }
    static void b4(int n) { throw bug(n); }
    static void b5(int n) { throw bug(n); }
    static void b6(int n) { throw bug(n); }
    static void b7(int n) { throw bug(n); }
    static void b8(int n) { throw bug(n); }
    static void b9(int n) { throw bug(n); }
}
