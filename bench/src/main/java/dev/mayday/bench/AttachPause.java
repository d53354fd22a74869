package dev.mayday.bench;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The longest pause a dynamic attach causes in a program with 20,000 loaded classes of its own.
 *
 * <p>{@code java -cp benchmarks.jar dev.mayday.bench.AttachPause AGENT_JAR [--on-disk] [--classes N]
 * [--java JAVA] [--pattern P] [--options K=V,...]} starts a target JVM (no agent) that generates and loads N classes (8 methods
 * each; in memory, so their loader serves no class files; with {@code --on-disk} from a class
 * directory, where the attach reads each class file and retransforms only the classes that may
 * hold a main loop). The target measures
 * its own pauses: a thread sleeping 1 ms in a loop notes how late it wakes (a safepoint holds it
 * when it returns to Java). First for 3 s without anything happening (the machine's own noise),
 * then while {@code attach PID mainLoop=P} runs ({@code gen.C1#m0} by default; {@code gen.*#m0}
 * names every generated class, so all of them are retransformed and woven).
 */
public final class AttachPause {

    private AttachPause() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--target")) {
            target(Integer.parseInt(args[1]), args.length > 2 && args[2].equals("--on-disk"));
            return;
        }
        String agentJar = args[0];
        boolean onDisk = false;
        int classes = 20_000;
        String java = Paths.javaOfThisJvm();
        String pattern = "gen.C1#m0";
        String extra = "";
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--pattern")) {
                pattern = args[++i];
            } else if (args[i].equals("--options")) {
                extra = "," + args[++i];
            } else if (args[i].equals("--on-disk")) {
                onDisk = true;
            } else if (args[i].equals("--classes")) {
                classes = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--java")) {
                java = args[++i];
            }
        }
        drive(agentJar, java, classes, onDisk, pattern + extra);
    }

    private static void drive(String agentJar, String java, int classes, boolean onDisk, String options)
            throws Exception {
        Path safepoints = Files.createTempFile("attach-pause-safepoints", ".log");
        List<String> cmd = new ArrayList<String>();
        cmd.add(java);
        // The JVM's own account of each safepoint: the pause without the machine's scheduling noise.
        cmd.add("-Xlog:safepoint=info:file=" + safepoints + "::filecount=0");
        cmd.add("-cp");
        cmd.add(Paths.classPathOf(AttachPause.class));
        cmd.add(AttachPause.class.getName());
        cmd.add("--target");
        cmd.add(Integer.toString(classes));
        if (onDisk) {
            cmd.add("--on-disk");
        }
        Process target = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader from = new BufferedReader(new InputStreamReader(target.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter to = new PrintWriter(target.getOutputStream(), true);
        String ready = from.readLine();
        System.out.println("target: " + ready);
        long pid = target.pid();

        to.println("begin");
        Thread.sleep(3_000);
        to.println("end");
        System.out.println("idle 3 s:     " + from.readLine());

        Path outbox = Files.createTempDirectory("attach-pause-outbox");
        long logFrom = Files.size(safepoints);
        to.println("begin");
        long start = System.nanoTime();
        Process attach = new ProcessBuilder(java, "-jar", agentJar, "attach", Long.toString(pid),
                "mainLoop=" + options + ",onCrash=continue,outbox=" + outbox).redirectErrorStream(true).start();
        String answer = new String(attach.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        int status = attach.waitFor();
        long wallMs = (System.nanoTime() - start) / 1_000_000;
        Thread.sleep(500);
        to.println("end");
        System.out.println("during attach: " + from.readLine());
        System.out.println("safepoints during attach: " + safepointSummary(safepoints, logFrom));
        System.out.println("attach: status " + status + ", " + wallMs + " ms wall: " + answer);
        to.println("stop");
        target.waitFor();
    }

    /** The longest safepoint (total: reaching it and at it) by operation, from {@code -Xlog:safepoint}. */
    static String safepointSummary(Path log, long from) throws IOException {
        byte[] all = Files.readAllBytes(log);
        String text = new String(all, (int) Math.min(from, all.length), (int) Math.max(0, all.length - from),
                StandardCharsets.UTF_8);
        java.util.Map<String, long[]> byOp = new java.util.TreeMap<String, long[]>();
        java.util.Map<String, List<Long>> totals = new java.util.TreeMap<String, List<Long>>();
        java.util.regex.Pattern name = java.util.regex.Pattern.compile("Safepoint \"([^\"]+)\"");
        java.util.regex.Pattern at = java.util.regex.Pattern.compile("At safepoint: (\\d+) ns");
        java.util.regex.Pattern total = java.util.regex.Pattern.compile("Total: (\\d+) ns");
        for (String line : text.split("\n")) {
            java.util.regex.Matcher n = name.matcher(line);
            java.util.regex.Matcher a = at.matcher(line);
            java.util.regex.Matcher t = total.matcher(line);
            if (n.find() && a.find() && t.find()) {
                long[] v = byOp.computeIfAbsent(n.group(1), k -> new long[3]);
                v[0]++;
                v[1] = Math.max(v[1], Long.parseLong(t.group(1)));
                v[2] = Math.max(v[2], Long.parseLong(a.group(1)));
                totals.computeIfAbsent(n.group(1), k -> new ArrayList<Long>()).add(Long.parseLong(t.group(1)));
            }
        }
        StringBuilder b = new StringBuilder();
        for (java.util.Map.Entry<String, long[]> e : byOp.entrySet()) {
            long[] v = e.getValue();
            List<Long> sorted = totals.get(e.getKey());
            java.util.Collections.sort(sorted);
            b.append(String.format("%n  %-22s %5d, median %6.1f ms, 90%% %6.1f ms, 99%% %6.1f ms, longest %7.1f ms"
                    + " (at safepoint %7.1f ms)", e.getKey(), v[0], sorted.get(sorted.size() / 2) / 1e6,
                    sorted.get((int) (sorted.size() * 0.9)) / 1e6, sorted.get((int) (sorted.size() * 0.99)) / 1e6,
                    v[1] / 1e6, v[2] / 1e6));
        }
        return b.length() == 0 ? "none logged" : b.toString();
    }

    private static void target(int count, boolean onDisk) throws Exception {
        ClassLoader loader = onDisk ? onDisk(count) : new InMemory(count);
        long sum = 0;
        for (int i = 0; i < count; i++) {
            Class<?> c = Class.forName("gen.C" + i, true, loader);
            sum += c.getName().length();
        }
        Meter meter = new Meter();
        Thread t = new Thread(meter, "pause-meter");
        t.setDaemon(true);
        t.start();
        System.out.println("pid " + ProcessHandle.current().pid() + ", " + count + " classes loaded ("
                + (onDisk ? "from a class directory" : "in memory") + ", " + sum + ")");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            if (line.equals("begin")) {
                meter.reset();
            } else if (line.equals("end")) {
                System.out.println(meter.summary());
                System.out.flush();
            } else if (line.equals("stop")) {
                return;
            }
        }
    }

    /** How late a thread sleeping 1 ms wakes, the worst and the count over 20 ms. */
    private static final class Meter implements Runnable {
        private volatile long worst;
        private volatile int over20;
        private volatile int samples;

        void reset() {
            worst = 0;
            over20 = 0;
            samples = 0;
        }

        String summary() {
            return "longest pause " + worst / 100_000 / 10.0 + " ms, " + over20 + " over 20 ms, " + samples + " samples";
        }

        @Override
        public void run() {
            while (true) {
                long before = System.nanoTime();
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
                long late = System.nanoTime() - before - 1_000_000;
                samples++;
                if (late > worst) {
                    worst = late;
                }
                if (late > 20_000_000) {
                    over20++;
                }
            }
        }
    }

    private static ClassLoader onDisk(int count) throws IOException {
        Path dir = Files.createTempDirectory("attach-pause-classes");
        Files.createDirectories(dir.resolve("gen"));
        for (int i = 0; i < count; i++) {
            Files.write(dir.resolve("gen/C" + i + ".class"), classFile("gen/C" + i));
        }
        dir.toFile().deleteOnExit();
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, AttachPause.class.getClassLoader());
    }

    /** Defines the generated classes from memory: no class file to read back. */
    private static final class InMemory extends ClassLoader {
        InMemory(int count) {
            super(AttachPause.class.getClassLoader());
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            if (!name.startsWith("gen.C")) {
                throw new ClassNotFoundException(name);
            }
            byte[] b = classFile(name.replace('.', '/'));
            return defineClass(name, b, 0, b.length);
        }
    }

    /** {@code public class NAME { public static int m0() { return 0; } ... m7 }}, Java 8 class file, by hand. */
    static byte[] classFile(String internalName) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(400);
            DataOutputStream d = new DataOutputStream(bytes);
            int methods = 8;
            d.writeInt(0xCAFEBABE);
            d.writeShort(0);
            d.writeShort(52);
            d.writeShort(6 + methods + 1); // constant pool count
            d.writeByte(1);
            d.writeUTF(internalName); // 1
            d.writeByte(7);
            d.writeShort(1); // 2
            d.writeByte(1);
            d.writeUTF("java/lang/Object"); // 3
            d.writeByte(7);
            d.writeShort(3); // 4
            d.writeByte(1);
            d.writeUTF("()I"); // 5
            d.writeByte(1);
            d.writeUTF("Code"); // 6
            for (int m = 0; m < methods; m++) {
                d.writeByte(1);
                d.writeUTF("m" + m); // 7 + m
            }
            d.writeShort(0x21);
            d.writeShort(2);
            d.writeShort(4);
            d.writeShort(0); // interfaces
            d.writeShort(0); // fields
            d.writeShort(methods);
            for (int m = 0; m < methods; m++) {
                d.writeShort(0x9);
                d.writeShort(7 + m);
                d.writeShort(5);
                d.writeShort(1);
                d.writeShort(6);
                d.writeInt(15);
                d.writeShort(1); // max stack
                d.writeShort(0); // max locals
                d.writeInt(3);
                d.writeByte(0x10); // bipush
                d.writeByte(m);
                d.writeByte(0xac); // ireturn
                d.writeShort(0);
                d.writeShort(0);
            }
            d.writeShort(0); // class attributes
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
