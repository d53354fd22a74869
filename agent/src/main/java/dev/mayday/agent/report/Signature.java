package dev.mayday.agent.report;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The grouping key of a failure, and its one-line title. Both come from the same exception: the
 * innermost cause that has an in-application frame (wrappers differ between call sites, the root
 * cause is the bug), its type, and its top in-application frames by class and method. Line numbers
 * and lambda counters are left out, so the signature stays equal across builds and machines.
 */
public final class Signature {

    private final String hash;
    private final String title;

    private Signature(String hash, String title) {
        this.hash = hash;
        this.title = title;
    }

    public static Signature of(Throwable failure, FrameRules rules) {
        List<Throwable> chain = chain(failure);
        Throwable chosen = chain.get(chain.size() - 1);
        List<StackTraceElement> frames = Collections.emptyList();
        for (int i = chain.size() - 1; i >= 0; i--) {
            List<StackTraceElement> own = inApplicationFrames(chain.get(i), rules);
            if (!own.isEmpty()) {
                chosen = chain.get(i);
                frames = own;
                break;
            }
        }
        StringBuilder key = new StringBuilder(chosen.getClass().getName());
        int n = Math.min(frames.size(), rules.signatureFrames());
        for (int i = 0; i < n; i++) {
            key.append('|').append(frames.get(i).getClassName()).append('.').append(stableMethod(frames.get(i)));
        }
        String where;
        if (!frames.isEmpty()) {
            where = frames.get(0).getClassName() + "." + stableMethod(frames.get(0));
        } else {
            StackTraceElement[] all = SafeThrowable.frames(chosen);
            where = all.length > 0 ? all[0].getClassName() + "." + all[0].getMethodName() : null;
        }
        String title = chosen.getClass().getSimpleName() + (where == null ? "" : " in " + where);
        return new Signature(sha256Hex(key.toString()).substring(0, 16), title);
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

    private static List<StackTraceElement> inApplicationFrames(Throwable t, FrameRules rules) {
        List<StackTraceElement> result = new ArrayList<StackTraceElement>(4);
        for (StackTraceElement e : SafeThrowable.frames(t)) {
            if (rules.inApplication(e.getClassName())) {
                result.add(e);
                if (result.size() >= rules.signatureFrames()) {
                    break;
                }
            }
        }
        return result;
    }

    /** {@code lambda$main$3} becomes {@code lambda$main}: the counter moves when code is added. */
    static String stableMethod(StackTraceElement e) {
        String m = e.getMethodName();
        if (m.startsWith("lambda$")) {
            int last = m.lastIndexOf('$');
            if (last > "lambda$".length() - 1) {
                String tail = m.substring(last + 1);
                boolean digits = !tail.isEmpty();
                for (int i = 0; i < tail.length(); i++) {
                    digits &= Character.isDigit(tail.charAt(i));
                }
                if (digits) {
                    return m.substring(0, last);
                }
            }
        }
        return m;
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
}
