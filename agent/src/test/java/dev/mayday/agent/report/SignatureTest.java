package dev.mayday.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class SignatureTest {

    private static final FrameRules RULES = FrameRules.standard();

    private static StackTraceElement frame(String cls, String method, int line) {
        return new StackTraceElement(cls, method, cls + ".java", line);
    }

    private static Throwable failure(Throwable t, StackTraceElement... frames) {
        t.setStackTrace(frames);
        return t;
    }

    @Test
    void sameBugOnOtherLinesAndWithOtherLambdaNumbersHasTheSameSignature() {
        Throwable a = failure(new NullPointerException(), frame("java.util.Objects", "requireNonNull", 1),
                frame("acme.Game", "lambda$tick$3", 10), frame("acme.Game", "tick", 20), frame("acme.Main", "main", 5));
        Throwable b = failure(new NullPointerException(), frame("java.util.Objects", "requireNonNull", 9),
                frame("acme.Game", "lambda$tick$7", 11), frame("acme.Game", "tick", 22), frame("acme.Main", "main", 6));
        Signature sa = Signature.of(a, RULES);
        assertEquals(sa.hash(), Signature.of(b, RULES).hash());
        assertEquals("NullPointerException in acme.Game.lambda$tick", sa.title());
        assertEquals(16, sa.hash().length());
    }

    @Test
    void otherTypeOrOtherPlaceIsAnotherSignature() {
        Throwable a = failure(new NullPointerException(), frame("acme.Game", "tick", 1));
        Throwable b = failure(new IllegalStateException(), frame("acme.Game", "tick", 1));
        Throwable c = failure(new NullPointerException(), frame("acme.Game", "render", 1));
        assertNotEquals(Signature.of(a, RULES).hash(), Signature.of(b, RULES).hash());
        assertNotEquals(Signature.of(a, RULES).hash(), Signature.of(c, RULES).hash());
    }

    @Test
    void jdkReflectionProxyAndMaydayFramesAreSkipped() {
        Throwable t = failure(new IllegalArgumentException(),
                frame("jdk.internal.reflect.GeneratedMethodAccessor12", "invoke", -1),
                frame("com.sun.proxy.$Proxy7", "call", -1),
                frame("dev.mayday.bootstrap.Bridge", "mainLoopFailed", 3),
                frame("acme.Service", "handle", 40));
        assertEquals("IllegalArgumentException in acme.Service.handle", Signature.of(t, RULES).title());
    }

    @Test
    void theRootCauseIsWhatGroups() {
        Throwable root = failure(new java.io.IOException("disk"), frame("acme.Store", "save", 7));
        Throwable wrapperA = failure(new RuntimeException(root), frame("acme.A", "run", 1));
        Throwable root2 = failure(new java.io.IOException("disk"), frame("acme.Store", "save", 8));
        Throwable wrapperB = failure(new IllegalStateException(root2), frame("acme.B", "go", 1));
        assertEquals(Signature.of(wrapperA, RULES).hash(), Signature.of(wrapperB, RULES).hash());
        assertEquals("IOException in acme.Store.save", Signature.of(wrapperA, RULES).title());
    }
}
