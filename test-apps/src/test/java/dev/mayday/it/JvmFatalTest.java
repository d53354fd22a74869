package dev.mayday.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A JVM that really crashes (sun.misc.Unsafe writes to address 0): its hs_err file becomes a report on the next start, once. */
class JvmFatalTest {

    @TempDir
    Path home;

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void theNextStartTurnsTheErrorFileIntoOneReport(Jdk jdk) throws Exception {
        String errorFile = "-XX:ErrorFile=" + home.resolve("hs_err_pid%p.log");
        ChildJvm.Result crash = new ChildJvm(jdk, home).jvmArg("-XX:-CreateCoredumpOnCrash").jvmArg(errorFile)
                .run("demo.JvmCrash");
        assertTrue(crash.exitCode != 0, crash.toString());
        assertTrue(crash.stdout.contains("A fatal error has been detected"), crash.toString());
        assertEquals(0, crash.reportFiles().size(), "the dying JVM writes nothing itself: " + crash);
        assertTrue(Files.list(home).anyMatch(p -> p.getFileName().toString().startsWith("hs_err_pid")));

        ChildJvm.Result next = new ChildJvm(jdk, home).jvmArg(errorFile).run("demo.Idle", "3");
        assertEquals(0, next.exitCode, next.toString());
        JsonObject report = next.onlyReport();
        assertEquals("jvm-fatal", report.get("kind").getAsString());
        assertEquals("JvmFatalError in demo.JvmCrash.poke", report.get("title").getAsString());
        JsonObject fatal = report.getAsJsonObject("fatal");
        assertTrue(fatal.get("signal").getAsString().startsWith("SIGSEGV"), fatal.get("signal").toString());
        assertTrue(fatal.get("problematicFrame").getAsString().contains("Unsafe_PutLong")
                || fatal.get("problematicFrame").getAsString().contains("libjvm"), fatal.get("problematicFrame").toString());
        assertTrue(fatal.get("jreVersion").getAsString().contains(jdk.feature + "."), fatal.get("jreVersion").toString());
        assertTrue(fatal.get("javaFrames").toString().contains("demo.JvmCrash.main"), fatal.toString());
        assertTrue(fatal.get("log").getAsString().contains("A fatal error has been detected"));
        assertTrue(fatal.get("file").getAsString().startsWith("hs_err_pid"));
        JsonObject exception = report.getAsJsonObject("exception");
        assertTrue(HangTest.hasFrame(exception.getAsJsonArray("frames"), "demo.JvmCrash", "poke"), exception.toString());

        // Once: a third start finds nothing new.
        Path firstReport = next.reportFiles().get(0);
        ChildJvm.Result third = new ChildJvm(jdk, home).jvmArg(errorFile).run("demo.Idle", "3");
        assertEquals(1, third.reportFiles().size(), third.toString());
        assertEquals(firstReport, third.reportFiles().get(0));
    }
}
