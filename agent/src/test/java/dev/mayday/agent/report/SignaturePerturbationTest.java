package dev.mayday.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same bug must keep its signature across rebuilds that shift lines, renumber lambdas and
 * anonymous classes, generate other proxies, and carry other ids in messages; different bugs
 * (in one method, in two lambdas of one method, behind one helper called from two places) must
 * not share one. Each "build" below is the same program compiled from a changed source file.
 */
class SignaturePerturbationTest {

    private static final String PROGRAM = String.join("\n",
            "package acme;",
            "%PAD%",
            "public class Shop {",
            "%EXTRA%",
            "    public static void twoTasks(String... a) {",
            "        Runnable order = () -> { throw new IllegalStateException(\"order \" + a[0] + \" failed\"); };",
            "        Runnable invoice = () -> { throw new IllegalStateException(\"invoice \" + a[0] + \" failed\"); };",
            "        (a[1].equals(\"order\") ? order : invoice).run();",
            "    }",
            "    public static void twoNulls(String... a) {",
            "        Runnable forCustomer = () -> { String customerName = a[1].equals(\"customer\") ? null : \"x\"; System.out.println(customerName.length()); };",
            "        Runnable forStock = () -> { Integer stock = a[1].equals(\"stock\") ? null : 1; System.out.println(stock.intValue()); };",
            "        (a[1].equals(\"customer\") ? forCustomer : forStock).run();",
            "    }",
            "    public static void checkout(String... a) {",
            "        String customerName = a[1].equals(\"customer\") ? null : \"x\";",
            "        Integer stock = a[1].equals(\"stock\") ? null : 1;",
            "        System.out.println(customerName.length() + stock.intValue());",
            "    }",
            "    static void fail(String what) { throw new IllegalArgumentException(\"bad \" + what); }",
            "    public static void fromCart(String... a) { fail(a[0]); }",
            "    public static void fromInvoice(String... a) { fail(a[0]); }",
            "    public interface Pricing { int price(String item); }",
            "    public static void viaProxy(String... a) {",
            "        Pricing p = (Pricing) java.lang.reflect.Proxy.newProxyInstance(Shop.class.getClassLoader(),",
            "                new Class<?>[] {Pricing.class}, (proxy, m, args) -> { throw new UnsupportedOperationException(\"no price for \" + args[0]); });",
            "        p.price(a[0]);",
            "    }",
            "    public static void anonymous(String... a) {",
            "        Runnable first = new Runnable() { public void run() { throw new IllegalStateException(\"first \" + a[0]); } };",
            "        Runnable second = new Runnable() { public void run() { throw new IllegalStateException(\"second \" + a[0]); } };",
            "        (a[1].equals(\"first\") ? first : second).run();",
            "    }",
            "    public static void index(String... a) { int[] slots = new int[3]; slots[Integer.parseInt(a[0])] = 1; }",
            "    public static void cast(String... a) { Object o = a[0].equals(\"n\") ? (Object) Integer.valueOf(1) : (Object) a; System.out.println(((String) o).length()); }",
            "}",
            "");

    private static final String EXTRA = String.join("\n",
            "    public static void earlier(String... a) {",
            "        Runnable r = () -> System.out.println(\"earlier\");",
            "        Runnable s = new Runnable() { public void run() { System.out.println(\"anon\"); } };",
            "        java.util.function.Supplier<String> t = () -> \"x\" + a.length;",
            "        Object p = java.lang.reflect.Proxy.newProxyInstance(Shop.class.getClassLoader(), new Class<?>[] {Runnable.class}, (x, m, y) -> null);",
            "        ((Runnable) p).run(); r.run(); s.run(); t.get();",
            "    }");

    @TempDir
    static Path dir;

    static Build base;
    static Build shifted;
    static Build renumbered;
    static Build noDebugTables;

    /** One compiled version of the program and the evidence the agent would have about it. */
    static final class Build {
        final Compiled compiled;
        final InAppFrames frames;

        Build(Compiled compiled) throws Exception {
            this.compiled = compiled;
            this.frames = new InAppFrames(FrameRules.standard(), null, "acme.", null, compiled.locator());
        }

        Signature of(String method, String... args) throws Exception {
            return Signature.of(compiled.failureOf("acme.Shop", method, args), frames);
        }
    }

    @BeforeAll
    static void build() throws Exception {
        base = new Build(Compiled.build(dir.resolve("base"), "acme.Shop", PROGRAM.replace("%PAD%", "").replace("%EXTRA%", ""), true));
        shifted = new Build(Compiled.build(dir.resolve("shifted"), "acme.Shop",
                PROGRAM.replace("%PAD%", "// a comment\n\n\n// lines added above\n\n").replace("%EXTRA%", "    static int added = 1;\n\n"), true));
        renumbered = new Build(Compiled.build(dir.resolve("renumbered"), "acme.Shop",
                PROGRAM.replace("%PAD%", "").replace("%EXTRA%", EXTRA), true));
        noDebugTables = new Build(Compiled.build(dir.resolve("nodebug"), "acme.Shop",
                PROGRAM.replace("%PAD%", "").replace("%EXTRA%", ""), false));
        // the renumbered build really renumbers: its first lambda is one of "earlier"
        assertTrue(java.util.Arrays.stream(Class.forName("acme.Shop", false, renumbered.compiled.loader())
                .getDeclaredMethods()).anyMatch(m -> m.getName().equals("lambda$earlier$0")));
    }

    private static void sameAcrossBuilds(String method, String... args) throws Exception {
        String expected = base.of(method, args).hash();
        assertEquals(expected, shifted.of(method, args).hash(), method + ": lines shifted");
        assertEquals(expected, renumbered.of(method, args).hash(), method + ": lambdas/anonymous classes renumbered");
        assertEquals(expected, base.of(method, args).hash(), method + ": the same build again");
    }

    @Test
    void theSameBugKeepsItsSignatureAcrossRebuilds() throws Exception {
        sameAcrossBuilds("twoTasks", "17", "order");
        sameAcrossBuilds("twoTasks", "17", "invoice");
        sameAcrossBuilds("twoNulls", "1", "customer");
        sameAcrossBuilds("twoNulls", "1", "stock");
        sameAcrossBuilds("checkout", "1", "customer");
        sameAcrossBuilds("fromCart", "x");
        sameAcrossBuilds("viaProxy", "book");
        sameAcrossBuilds("anonymous", "1", "first");
        sameAcrossBuilds("anonymous", "1", "second");
        sameAcrossBuilds("index", "5");
        sameAcrossBuilds("cast", "n");
    }

    @Test
    void idsIndexesAndOtherDataInMessagesDoNotSplitABug() throws Exception {
        assertEquals(base.of("twoTasks", "17", "order").hash(), base.of("twoTasks", "42", "order").hash());
        assertEquals(base.of("fromCart", "apple").hash(), base.of("fromCart", "pear").hash());
        assertEquals(base.of("index", "5").hash(), base.of("index", "7").hash());
        assertEquals(base.of("viaProxy", "book").hash(), base.of("viaProxy", "pen").hash());
    }

    @Test
    void twoLambdasOfOneMethodArePartedEvenWithTheSameExceptionType() throws Exception {
        assertNotEquals(base.of("twoTasks", "1", "order").hash(), base.of("twoTasks", "1", "invoice").hash());
        assertNotEquals(base.of("twoNulls", "1", "customer").hash(), base.of("twoNulls", "1", "stock").hash());
        assertNotEquals(base.of("anonymous", "1", "first").hash(), base.of("anonymous", "1", "second").hash());
        assertEquals("IllegalStateException in acme.Shop.lambda$twoTasks", base.of("twoTasks", "1", "order").title());
        // parted by what each lambda does, named with the interface it implements
        assertTrue(base.of("twoTasks", "1", "order").key().contains("acme.Shop.lambda$twoTasks{java.lang.Runnable:"),
                base.of("twoTasks", "1", "order").key());
    }

    @Test
    void twoNullsInOneMethodAreTwoBugsWithOrWithoutDebugTables() throws Exception {
        assertNotEquals(base.of("checkout", "1", "customer").hash(), base.of("checkout", "1", "stock").hash());
        assertNotEquals(noDebugTables.of("checkout", "1", "customer").hash(), noDebugTables.of("checkout", "1", "stock").hash());
        assertTrue(base.of("checkout", "1", "customer").key().contains("\"customerName\""), base.of("checkout", "1", "customer").key());
        assertTrue(noDebugTables.of("checkout", "1", "customer").key().contains("<local>"));
    }

    @Test
    void oneHelperCalledFromTwoPlacesIsTwoBugs() throws Exception {
        assertNotEquals(base.of("fromCart", "x").hash(), base.of("fromInvoice", "x").hash());
        assertEquals("IllegalArgumentException in acme.Shop.fail", base.of("fromCart", "x").title());
    }

    @Test
    void proxiesAndReflectionAreSkippedButTheirCallerStays() throws Exception {
        Signature s = base.of("viaProxy", "book");
        assertEquals("UnsupportedOperationException in acme.Shop.lambda$viaProxy", s.title());
        assertTrue(s.key().contains("acme.Shop.viaProxy"), s.key());
        assertTrue(!s.key().contains("$Proxy"), s.key());
    }

    @Test
    void aCastNamesItsTwoClasses() throws Exception {
        assertTrue(base.of("cast", "n").key().contains("java.lang.Integer -> java.lang.String"), base.of("cast", "n").key());
    }
}
