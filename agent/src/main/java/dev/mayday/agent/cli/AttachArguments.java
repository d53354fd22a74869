package dev.mayday.agent.cli;

import dev.mayday.agent.options.Option;
import java.util.ArrayList;
import java.util.List;

/**
 * The options of {@code attach PID ...} as separate items. Each word is one or more
 * {@code key=value} items; a word is split at a comma only where what follows is another option
 * ({@code onCrash=continue,send=...}), so a value that holds commas ({@code redact=a{1,3}}, a
 * long list of patterns) survives.
 */
final class AttachArguments {

    private AttachArguments() {
    }

    static List<String> items(String[] words) {
        List<String> items = new ArrayList<String>();
        for (String word : words) {
            int start = 0;
            for (int i = word.indexOf(','); i >= 0; i = word.indexOf(',', i + 1)) {
                if (startsWithOption(word, i + 1)) {
                    add(items, word.substring(start, i));
                    start = i + 1;
                }
            }
            add(items, word.substring(start));
        }
        return items;
    }

    private static boolean startsWithOption(String word, int at) {
        int eq = word.indexOf('=', at);
        return eq > at && Option.byKey(word.substring(at, eq).trim()) != null;
    }

    private static void add(List<String> items, String item) {
        if (!item.trim().isEmpty()) {
            items.add(item.trim());
        }
    }
}
