package dev.mayday.agent.report;

import dev.mayday.agent.report.InAppFrames.Owner;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The grouping key of a failure, and its one-line title, both from the same exception: the
 * innermost one the program's own code threw (or wrapped), else the innermost one that passed
 * through the program's code. The key is that exception's type, its top in-application frames
 * (class and method; no line numbers; a lambda or anonymous class kept apart from its siblings
 * by what its code does, not by the compiler's counter), the library entry point the program
 * called when the throw site is a library, the cause's type when the program wrapped one, and the
 * message where the message names the bug ({@link MessageShape}). The title names the program's
 * frame: {@code NullPointerException in acme.Shop.checkout (via org.h2.jdbc.JdbcConnection.prepareStatement)}.
 */
public final class Signature {

    private final String hash;
    private final String title;
    private final String key;

    private Signature(String hash, String title, String key) {
        this.hash = hash;
        this.title = title;
        this.key = key;
    }

    /** By class names alone (no jar evidence, no options). */
    public static Signature of(Throwable failure, FrameRules rules) {
        return of(failure, InAppFrames.byName(rules));
    }

    public static Signature of(Throwable failure, InAppFrames frames) {
        List<Throwable> chain = chain(failure);
        int chosenAt = -1;
        for (int i = chain.size() - 1; i >= 0 && chosenAt < 0; i--) {
            if (firstOwned(trace(chain.get(i)), frames) == Owner.APPLICATION) {
                chosenAt = i;
            }
        }
        for (int i = chain.size() - 1; i >= 0 && chosenAt < 0; i--) {
            if (hasApplicationFrame(trace(chain.get(i)), frames)) {
                chosenAt = i;
            }
        }
        boolean anyApplication = chosenAt >= 0;
        if (chosenAt < 0) {
            chosenAt = chain.size() - 1;
        }
        Throwable chosen = chain.get(chosenAt);
        StackTraceElement[] trace = trace(chosen);
        int limit = frames.rules().signatureFrames();

        StringBuilder key = new StringBuilder(chosen.getClass().getName());
        String where = null;
        String via = null;
        int taken = 0;
        for (int i = 0; i < trace.length && taken < limit; i++) {
            Owner owner = frames.owner(trace[i].getClassName());
            if (owner == Owner.SKIPPED) {
                continue;
            }
            if (owner == Owner.LIBRARY && anyApplication) {
                if (taken == 0) {
                    // Overwritten until the program's first frame: the library's entry point it called.
                    via = readable(trace[i]);
                }
                continue;
            }
            key.append('|').append(frameKey(trace, i, frames));
            if (taken == 0) {
                where = readable(trace[i]);
            }
            taken++;
        }
        if (where == null && trace.length > 0) {
            where = trace[0].getClassName() + "." + trace[0].getMethodName();
        }
        if (via != null) {
            key.append("|via ").append(via);
        }
        if (chosenAt < chain.size() - 1) {
            key.append("|wraps ").append(chain.get(chain.size() - 1).getClass().getName());
        }
        String message = MessageShape.of(chosen);
        if (message != null) {
            key.append("|msg ").append(message);
        }
        String title = chosen.getClass().getSimpleName() + (where == null ? "" : " in " + where)
                + (via == null ? "" : " (via " + via + ")");
        return new Signature(sha256Hex(key.toString()).substring(0, 16), title, key.toString());
    }

    private static StackTraceElement[] trace(Throwable t) {
        return SafeThrowable.frames(t);
    }

    private static Owner firstOwned(StackTraceElement[] trace, InAppFrames frames) {
        for (StackTraceElement e : trace) {
            Owner owner = frames.owner(e.getClassName());
            if (owner != Owner.SKIPPED) {
                return owner;
            }
        }
        return Owner.SKIPPED;
    }

    private static boolean hasApplicationFrame(StackTraceElement[] trace, InAppFrames frames) {
        for (StackTraceElement e : trace) {
            if (frames.owner(e.getClassName()) == Owner.APPLICATION) {
                return true;
            }
        }
        return false;
    }

    /**
     * Class and method, counters removed; a lambda, anonymous class or Groovy closure also gets
     * what sets it apart from its siblings: its functional interface and a fingerprint of its
     * code, or where the class file cannot be read, the next frame below it that is not the JDK's.
     */
    static String frameKey(StackTraceElement[] trace, int at, InAppFrames frames) {
        StackTraceElement e = trace[at];
        String className = e.getClassName();
        String method = e.getMethodName();
        String stableClass = MethodPrints.Counters.strip(className);
        String stableMethod = MethodPrints.Counters.strip(method);
        String base = stableClass + "." + stableMethod;
        boolean synthetic = !stableClass.equals(className) || !stableMethod.equals(method);
        if (!synthetic) {
            return base;
        }
        String location = frames.location(className);
        if (location != null) {
            MethodPrints.OfClass prints = frames.prints().of(location, className);
            String print = prints.prints.get(method);
            if (print != null) {
                String iface = prints.interfaces.get(method);
                return base + "{" + (iface == null ? "" : iface + ":") + print + "}";
            }
        }
        for (int i = at + 1; i < trace.length; i++) {
            if (frames.owner(trace[i].getClassName()) != Owner.SKIPPED) {
                return base + "{below " + readable(trace[i]) + "}";
            }
        }
        return base;
    }

    /** {@code acme.Game.lambda$tick}: class and method with the compiler's counters removed. */
    static String readable(StackTraceElement e) {
        return MethodPrints.Counters.strip(e.getClassName()) + "." + MethodPrints.Counters.strip(e.getMethodName());
    }

    /** The failure and its causes, outermost first, without cycles. */
    static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<Throwable>(4);
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<Throwable, Boolean>());
        for (Throwable t = failure; t != null && chain.size() < 32 && seen.add(t); t = SafeThrowable.cause(t)) {
            chain.add(t);
        }
        return chain;
    }

    static String sha256Hex(String text) {
        return Sha256.hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** 16 hex digits. */
    public String hash() {
        return hash;
    }

    /** {@code NullPointerException in acme.Game.tick}. */
    public String title() {
        return title;
    }

    /** The text the hash is made of, for {@code debug=true} and tests. */
    public String key() {
        return key;
    }
}
