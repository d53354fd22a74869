package dev.mayday.agent.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Folds runs of a repeating block of frames (deep recursion) into one copy of the block and a
 * count, so that a StackOverflowError's 1,024 frames become a handful.
 */
final class RecursionFolder {

    /** Longest cycle looked for. */
    static final int MAX_CYCLE = 32;
    /** A block must repeat at least this often to be folded. */
    static final int MIN_REPEATS = 3;

    /** One element of a folded trace: a frame, or a note that the previous {@code cycle} frames repeat. */
    static final class Item {
        final StackTraceElement frame;
        final int cycle;
        final int times;

        Item(StackTraceElement frame, int cycle, int times) {
            this.frame = frame;
            this.cycle = cycle;
            this.times = times;
        }

        boolean isFold() {
            return frame == null;
        }
    }

    private RecursionFolder() {
    }

    static List<Item> fold(StackTraceElement[] frames) {
        List<Item> out = new ArrayList<Item>(Math.min(frames.length, 64));
        int i = 0;
        while (i < frames.length) {
            int bestCycle = 0;
            int bestRepeats = 0;
            for (int cycle = 1; cycle <= MAX_CYCLE && i + cycle * MIN_REPEATS <= frames.length; cycle++) {
                int repeats = 1;
                while (i + (repeats + 1) * cycle <= frames.length && sameBlock(frames, i, i + repeats * cycle, cycle)) {
                    repeats++;
                }
                if (repeats >= MIN_REPEATS && repeats * cycle > bestRepeats * bestCycle) {
                    bestCycle = cycle;
                    bestRepeats = repeats;
                }
            }
            if (bestCycle == 0) {
                out.add(new Item(frames[i], 0, 0));
                i++;
                continue;
            }
            for (int k = 0; k < bestCycle; k++) {
                out.add(new Item(frames[i + k], 0, 0));
            }
            out.add(new Item(null, bestCycle, bestRepeats - 1));
            i += bestCycle * bestRepeats;
        }
        return out;
    }

    private static boolean sameBlock(StackTraceElement[] f, int a, int b, int length) {
        for (int k = 0; k < length; k++) {
            if (!f[a + k].equals(f[b + k])) {
                return false;
            }
        }
        return true;
    }
}
