package dev.mayday.agent.options;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The options one place gave (agent arguments, system properties, environment or config file),
 * already split into values and checked. {@link OptionsLoader} stacks them by precedence.
 */
final class OptionSource {

    private final String name;
    private final Map<Option, List<String>> values = new EnumMap<Option, List<String>>(Option.class);

    OptionSource(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    /** Adds one value; list options keep every value, other options may be given once. */
    void add(Option option, String value) throws OptionException {
        String problem = option.kind().problem(value);
        if (problem != null) {
            throw new OptionException("bad value '" + value + "' for option " + option.key()
                    + " (" + name + "); expected " + problem);
        }
        List<String> list = values.get(option);
        if (list == null) {
            list = new ArrayList<String>(1);
            values.put(option, list);
        } else if (!option.isList()) {
            throw new OptionException("option " + option.key() + " is given twice (" + name
                    + "); only mainLoop and send may be repeated");
        }
        list.add(value);
    }

    /** Adds a value that may hold several list items separated by ';'. */
    void addSeparated(Option option, String value) throws OptionException {
        if (!option.isList()) {
            add(option, value.trim());
            return;
        }
        for (String item : value.split(";")) {
            String trimmed = item.trim();
            if (!trimmed.isEmpty()) {
                add(option, trimmed);
            }
        }
    }

    List<String> get(Option option) {
        return values.get(option);
    }

    static OptionException unknown(String key, String where) {
        return new OptionException("unknown option '" + key + "' (" + where + "); valid options: "
                + Option.allKeys());
    }
}
