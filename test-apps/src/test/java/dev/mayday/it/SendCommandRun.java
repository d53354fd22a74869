package dev.mayday.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code java -jar mayday-agent.jar send ...} as a person types it, in a child process. */
final class SendCommandRun {

    final int exitCode;
    final String stdout;
    final String stderr;

    private SendCommandRun(int exitCode, String stdout, String stderr) {
        this.exitCode = exitCode;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    static SendCommandRun run(Jdk jdk, Path home, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(jdk.java.toString(), "-Duser.home=" + home, "-jar",
                ChildJvm.AGENT_JAR.toString(), "send"));
        Collections.addAll(command, args);
        Path out = Files.createTempFile(home, "send-out", ".txt");
        Path err = Files.createTempFile(home, "send-err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("MAYDAY_") || k.equals("JAVA_TOOL_OPTIONS"));
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("send did not end within 60 s: " + Files.readString(err));
        }
        return new SendCommandRun(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "send: exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
    }
}
