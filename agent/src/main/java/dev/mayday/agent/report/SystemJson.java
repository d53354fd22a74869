package dev.mayday.agent.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.lang.management.MemoryMXBean;
import java.lang.management.RuntimeMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** The {@code system}, {@code properties} and {@code environment} of a report. */
final class SystemJson {

    private final Redactor redactor;
    private final boolean withHostname;

    SystemJson(Redactor redactor, boolean withHostname) {
        this.redactor = redactor;
        this.withHostname = withHostname;
    }

    JsonObject system() {
        JsonObject s = new JsonObject();
        s.addProperty("machineId", MachineId.get());
        if (withHostname) {
            s.addProperty("hostname", hostname());
        }
        JsonObject os = new JsonObject();
        os.addProperty("name", System.getProperty("os.name"));
        os.addProperty("version", System.getProperty("os.version"));
        os.addProperty("arch", System.getProperty("os.arch"));
        s.add("os", os);

        JsonObject cpu = new JsonObject();
        cpu.addProperty("count", Runtime.getRuntime().availableProcessors());
        double load = PlatformBeans.systemLoadAverage();
        if (load >= 0) {
            cpu.addProperty("load", Math.round(load * 100) / 100.0);
        }
        s.add("cpu", cpu);

        MemoryMXBean memoryBean = PlatformBeans.memory();
        JsonObject memory = new JsonObject();
        memory.addProperty("heapUsed", memoryBean.getHeapMemoryUsage().getUsed());
        memory.addProperty("heapMax", Runtime.getRuntime().maxMemory());
        memory.addProperty("nonHeapUsed", memoryBean.getNonHeapMemoryUsage().getUsed());
        PhysicalMemory physical = PhysicalMemory.read();
        if (physical != null) {
            memory.addProperty("physicalTotal", physical.total);
            memory.addProperty("physicalFree", physical.free);
        }
        s.add("memory", memory);

        RuntimeMXBean runtime = PlatformBeans.runtime();
        JsonObject jvm = new JsonObject();
        jvm.addProperty("name", System.getProperty("java.vm.name"));
        jvm.addProperty("vendor", System.getProperty("java.vm.vendor"));
        jvm.addProperty("version", System.getProperty("java.runtime.version", System.getProperty("java.version")));
        JsonArray arguments = new JsonArray();
        for (String argument : runtime.getInputArguments()) {
            arguments.add(redactArgument(argument));
        }
        jvm.add("arguments", arguments);
        JsonArray gc = new JsonArray();
        for (String name : PlatformBeans.collectorNames()) {
            gc.add(name);
        }
        jvm.add("gc", gc);
        s.add("jvm", jvm);

        s.addProperty("locale", Locale.getDefault().toLanguageTag());
        s.addProperty("timezone", DefaultTimeZone.id());
        s.addProperty("encoding", System.getProperty("file.encoding"));
        s.addProperty("headless", headless());
        s.add("classpath", ClasspathJars.get());
        return s;
    }

    /** {@code -Dname=value} and the agent's own {@code key=value} arguments, with secrets hidden. */
    String redactArgument(String argument) {
        if (argument.startsWith("-D")) {
            int eq = argument.indexOf('=');
            if (eq > 2) {
                return argument.substring(0, eq + 1) + redactor.value(argument.substring(2, eq), argument.substring(eq + 1));
            }
            return argument;
        }
        return redactor.pairs(argument);
    }

    JsonObject properties() {
        JsonObject json = new JsonObject();
        Properties props = System.getProperties();
        TreeMap<String, String> sorted = new TreeMap<String, String>();
        for (String name : props.stringPropertyNames()) {
            String value = props.getProperty(name);
            if (value != null) {
                sorted.put(name, value);
            }
        }
        for (Map.Entry<String, String> e : sorted.entrySet()) {
            json.addProperty(e.getKey(), redactor.value(e.getKey(), e.getValue()));
        }
        return json;
    }

    JsonObject environment() {
        JsonObject json = new JsonObject();
        for (Map.Entry<String, String> e : new TreeMap<String, String>(System.getenv()).entrySet()) {
            json.addProperty(e.getKey(), redactor.value(e.getKey(), e.getValue()));
        }
        return json;
    }

    /** Without asking AWT, which would load a graphics stack into a program that has none. */
    static boolean headless() {
        String property = System.getProperty("java.awt.headless");
        if (property != null) {
            return Boolean.parseBoolean(property);
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("windows") || os.contains("mac")) {
            return false;
        }
        return System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null;
    }

    private static String hostname() {
        String name = System.getenv("HOSTNAME");
        if (name == null || name.isEmpty()) {
            name = System.getenv("COMPUTERNAME");
        }
        if (name == null || name.isEmpty()) {
            try {
                name = new String(Files.readAllBytes(Paths.get("/etc/hostname")), StandardCharsets.UTF_8).trim();
            } catch (Exception e) {
                name = null;
            }
        }
        if (name == null || name.isEmpty()) {
            try {
                name = java.net.InetAddress.getLocalHost().getHostName();
            } catch (Exception e) {
                name = "unknown";
            }
        }
        return name;
    }
}
