package dev.mayday.agent.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryUsage;
import java.lang.management.BufferPoolMXBean;

/**
 * The {@code oom} section of an out-of-memory report: which memory ran out (the JVM says it in
 * the error's message), every memory pool's figures, the direct and mapped buffer pools, and the
 * classes with the most instances where a histogram can be had safely.
 *
 * <p>The histogram ({@code GC.class_histogram}, the same as {@code jcmd PID GC.class_histogram})
 * walks the whole heap after a full collection, and asking for it through the platform MBean
 * server allocates a few MiB: it is taken only for the Java heap kinds (heap, GC overhead, array
 * size), heaps up to {@link #HISTOGRAM_MAX_HEAP}, and at least {@link #HISTOGRAM_MIN_FREE} free
 * (an allocation too big to fit, not a heap filled to the brim), on Mayday's reporter thread;
 * otherwise the report says why there is none. A full heap is the usual case: taking a histogram
 * there would itself run out of memory and could cost the program its orderly end.
 */
public final class OutOfMemoryDetails {

    static final long HISTOGRAM_MAX_HEAP = 2L * 1024 * 1024 * 1024;
    static final int HISTOGRAM_CLASSES = 10;
    /** The histogram (and the JMX server it is asked through) needs room: taken only with this much heap free. */
    static final long HISTOGRAM_MIN_FREE = 16L * 1024 * 1024;

    private OutOfMemoryDetails() {
    }

    /** The kind of memory the message names. */
    static String kind(String message) {
        String m = message == null ? "" : message;
        if (m.contains("Java heap space")) {
            return "heap";
        }
        if (m.contains("GC overhead limit exceeded")) {
            return "gc-overhead";
        }
        if (m.contains("Metaspace") || m.contains("Compressed class space")) {
            return "metaspace";
        }
        if (m.contains("Direct buffer memory")) {
            return "direct-buffers";
        }
        if (m.contains("native thread")) {
            return "native-threads";
        }
        if (m.contains("Requested array size exceeds VM limit")) {
            return "array-size";
        }
        return "other";
    }

    public static JsonObject of(Throwable failure) {
        JsonObject oom = new JsonObject();
        Throwable error = outOfMemoryIn(failure);
        String message = error == null ? null : ExceptionJson.safeMessage(error);
        String kind = kind(message);
        oom.addProperty("kind", kind);
        if (message != null) {
            oom.addProperty("message", message);
        }
        JsonArray pools = new JsonArray();
        long heapMax = 0;
        long heapFree = 0;
        try {
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                MemoryUsage u = pool.getUsage();
                JsonObject p = new JsonObject();
                p.addProperty("name", pool.getName());
                p.addProperty("type", pool.getType().name().toLowerCase(java.util.Locale.ROOT));
                if (u != null) {
                    p.addProperty("used", u.getUsed());
                    p.addProperty("committed", u.getCommitted());
                    p.addProperty("max", u.getMax());
                }
                pools.add(p);
            }
            MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            heapMax = heap.getMax();
            heapFree = heapMax - heap.getUsed();
            JsonArray buffers = new JsonArray();
            for (BufferPoolMXBean b : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
                JsonObject p = new JsonObject();
                p.addProperty("name", b.getName());
                p.addProperty("count", b.getCount());
                p.addProperty("used", b.getMemoryUsed());
                p.addProperty("capacity", b.getTotalCapacity());
                buffers.add(p);
            }
            oom.add("bufferPools", buffers);
        } catch (Throwable e) {
            oom.addProperty("poolsError", String.valueOf(e));
        }
        oom.add("pools", pools);
        boolean javaHeap = kind.equals("heap") || kind.equals("gc-overhead") || kind.equals("array-size");
        if (!javaHeap) {
            oom.addProperty("histogram", "not taken: the Java heap is not what ran out");
        } else if (heapMax <= 0 || heapMax > HISTOGRAM_MAX_HEAP) {
            oom.addProperty("histogram", "not taken: heap over " + HISTOGRAM_MAX_HEAP / (1024 * 1024)
                    + " MiB (walking it would stall the program)");
        } else if (heapFree < HISTOGRAM_MIN_FREE) {
            oom.addProperty("histogram", "not taken: the heap is full (" + heapFree / (1024 * 1024)
                    + " MiB free); taking it needs memory the program has not got");
        } else {
            histogram(oom);
        }
        return oom;
    }

    private static void histogram(JsonObject oom) {
        long start = System.nanoTime();
        try {
            javax.management.MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            Object text = server.invoke(new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "gcClassHistogram", new Object[] {new String[0]}, new String[] {String[].class.getName()});
            JsonArray top = new JsonArray();
            for (String line : String.valueOf(text).split("\n")) {
                // "   1:         12345        6789012  [J (java.base@17)"
                String[] cols = line.trim().split("\\s+");
                if (cols.length >= 4 && cols[0].endsWith(":") && Character.isDigit(cols[0].charAt(0))) {
                    JsonObject c = new JsonObject();
                    c.addProperty("class", cols[3]);
                    c.addProperty("instances", Long.parseLong(cols[1]));
                    c.addProperty("bytes", Long.parseLong(cols[2]));
                    top.add(c);
                }
            }
            // The histogram is sorted by bytes; the issue asks for instance counts.
            java.util.List<JsonObject> rows = new java.util.ArrayList<JsonObject>();
            for (int i = 0; i < top.size(); i++) {
                rows.add(top.get(i).getAsJsonObject());
            }
            rows.sort(new java.util.Comparator<JsonObject>() { // no lambda: its bootstrap allocates a lot
                @Override
                public int compare(JsonObject a, JsonObject b) {
                    return Long.compare(b.get("instances").getAsLong(), a.get("instances").getAsLong());
                }
            });
            JsonArray byCount = new JsonArray();
            for (int i = 0; i < rows.size() && i < HISTOGRAM_CLASSES; i++) {
                byCount.add(rows.get(i));
            }
            oom.add("largestClasses", byCount);
            oom.addProperty("histogramMs", (System.nanoTime() - start) / 1_000_000);
        } catch (Throwable e) {
            oom.addProperty("histogram", "not taken: " + e);
        }
    }

    private static Throwable outOfMemoryIn(Throwable t) {
        for (int depth = 0; t != null && depth < 32; depth++) {
            if (t instanceof OutOfMemoryError) {
                return t;
            }
            try {
                t = t.getCause();
            } catch (Throwable hostile) {
                return null;
            }
        }
        return null;
    }
}
