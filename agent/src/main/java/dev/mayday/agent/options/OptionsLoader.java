package dev.mayday.agent.options;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Reads the options from every place the SPEC names and resolves each key by precedence:
 * agent arguments, then {@code -Dmayday.KEY} system properties, then {@code MAYDAY_KEY}
 * environment variables, then the {@code config=FILE} properties file, then the defaults.
 * The first place that names a key gives its whole value (lists are not merged across places).
 */
public final class OptionsLoader {

    private static final String PROPERTY_PREFIX = "mayday.";

    private OptionsLoader() {
    }

    /** Loads from the agent arguments and the real system properties and environment. */
    public static Options load(String agentArgs) throws OptionException {
        return load(agentArgs, System.getProperties(), System.getenv());
    }

    /** Loads from the given sources (tests pass their own). */
    public static Options load(String agentArgs, Properties systemProperties, Map<String, String> environment)
            throws OptionException {
        return load(fromAgentArgs(agentArgs), systemProperties, environment);
    }

    /**
     * Loads with option items given one {@code key=value} each, not split at {@code ','}: the
     * options of a dynamic attach, which travel in a file so that values may hold commas.
     */
    public static Options loadItems(List<String> items, Properties systemProperties, Map<String, String> environment)
            throws OptionException {
        return load(fromItems(items, "attach options"), systemProperties, environment);
    }

    private static Options load(OptionSource first, Properties systemProperties, Map<String, String> environment)
            throws OptionException {
        List<OptionSource> sources = new ArrayList<OptionSource>(4);
        sources.add(first);
        sources.add(fromSystemProperties(systemProperties));
        List<String> ignored = new ArrayList<String>(0);
        sources.add(fromEnvironment(environment, ignored));

        String configFile = first(sources, Option.CONFIG);
        if (configFile != null) {
            sources.add(fromFile(Options.expandHome(configFile)));
        }

        Map<Option, List<String>> resolved = new EnumMap<Option, List<String>>(Option.class);
        for (Option option : Option.values()) {
            List<String> value = null;
            for (OptionSource source : sources) {
                value = source.get(option);
                if (value != null) {
                    break;
                }
            }
            if (value == null) {
                value = option.defaultValue() == null
                        ? Collections.<String>emptyList()
                        : Collections.singletonList(option.defaultValue());
            }
            resolved.put(option, Collections.unmodifiableList(value));
        }
        return new Options(resolved, ignored);
    }

    static OptionSource fromItems(List<String> items, String name) throws OptionException {
        OptionSource source = new OptionSource(name);
        for (String item : items) {
            int eq = item.indexOf('=');
            if (eq <= 0) {
                throw new OptionException("bad option '" + item + "'; expected key=value (valid options: "
                        + Option.allKeys() + ")");
            }
            String key = item.substring(0, eq).trim();
            Option option = Option.byKey(key);
            if (option == null) {
                throw OptionSource.unknown(key, name);
            }
            source.add(option, item.substring(eq + 1).trim());
        }
        return source;
    }

    private static String first(List<OptionSource> sources, Option option) {
        for (OptionSource source : sources) {
            List<String> value = source.get(option);
            if (value != null) {
                return value.get(0);
            }
        }
        return null;
    }

    static OptionSource fromAgentArgs(String args) throws OptionException {
        OptionSource source = new OptionSource("agent arguments");
        if (args == null || args.trim().isEmpty()) {
            return source;
        }
        for (String pair : args.split(",")) {
            String item = pair.trim();
            if (item.isEmpty()) {
                continue;
            }
            int eq = item.indexOf('=');
            if (eq <= 0) {
                throw new OptionException("bad agent argument '" + item
                        + "'; expected key=value pairs separated by ',' (valid options: " + Option.allKeys() + ")");
            }
            String key = item.substring(0, eq).trim();
            Option option = Option.byKey(key);
            if (option == null) {
                throw OptionSource.unknown(key, "agent arguments");
            }
            source.add(option, item.substring(eq + 1).trim());
        }
        return source;
    }

    static OptionSource fromSystemProperties(Properties properties) throws OptionException {
        OptionSource source = new OptionSource("system property");
        for (String name : properties.stringPropertyNames()) {
            if (!name.startsWith(PROPERTY_PREFIX)) {
                continue;
            }
            String key = name.substring(PROPERTY_PREFIX.length());
            Option option = Option.byKey(key);
            if (option == null) {
                throw OptionSource.unknown(key, "system property -D" + name);
            }
            source.addSeparated(option, properties.getProperty(name));
        }
        return source;
    }

    /**
     * Unknown {@code MAYDAY_*} variables are collected in {@code ignored} rather than refused: the
     * environment is shared by every process a shell starts, and another tool's variable must not
     * stop this program. Agent arguments, properties and the config file are checked strictly.
     */
    static OptionSource fromEnvironment(Map<String, String> environment, List<String> ignored)
            throws OptionException {
        OptionSource source = new OptionSource("environment");
        for (Map.Entry<String, String> e : environment.entrySet()) {
            if (!e.getKey().startsWith("MAYDAY_")) {
                continue;
            }
            Option option = null;
            for (Option o : Option.values()) {
                if (o.environmentName().equals(e.getKey())) {
                    option = o;
                    break;
                }
            }
            if (option == null) {
                ignored.add(e.getKey());
                continue;
            }
            OptionSource named = new OptionSource("environment variable " + e.getKey());
            named.addSeparated(option, e.getValue());
            for (String v : named.get(option)) {
                source.add(option, v);
            }
        }
        return source;
    }

    static OptionSource fromFile(Path file) throws OptionException {
        OptionSource source = new OptionSource("config file " + file);
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (NoSuchFileException e) {
            throw new OptionException("config file " + file + " does not exist (option config)");
        } catch (IOException | IllegalArgumentException e) {
            throw new OptionException("config file " + file + " cannot be read: " + e.getMessage() + " (option config)");
        }
        for (String key : properties.stringPropertyNames()) {
            Option option = Option.byKey(key);
            if (option == null || option == Option.CONFIG) {
                throw OptionSource.unknown(key, "config file " + file);
            }
            source.addSeparated(option, properties.getProperty(key));
        }
        return source;
    }
}
