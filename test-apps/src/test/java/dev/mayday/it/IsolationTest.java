package dev.mayday.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Mayday's libraries stay invisible: the application's own Gson, another agent beside it. */
class IsolationTest {

    @TempDir
    Path home;

    static String jarOnTestClassPath(String namePart) {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> new File(p).getName().contains(namePart)).findFirst()
                .orElseThrow(() -> new AssertionError(namePart + " not on the test class path"));
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void applicationWithItsOwnGsonSeesItsOwn(Jdk jdk) throws Exception {
        String appGson = jarOnTestClassPath("gson-2.10.1");
        ChildJvm.Result run = new ChildJvm(jdk, home).classPath(appGson).agentArgs("mainLoop=demo.OwnGson#run")
                .run("demo.OwnGson");

        assertTrue(run.stdout.contains("gson from file:" + appGson), run.toString());
        assertTrue(run.stdout.contains("json {\"level\":3}"), run.toString());
        assertEquals(70, run.exitCode, run.toString());
        // The app's Gson failed, in the app's Gson jar; the report says which jar.
        JsonArray frames = run.onlyReport().getAsJsonObject("exception").getAsJsonArray("frames");
        boolean jarNamed = false;
        for (JsonElement f : frames) {
            jarNamed |= f.getAsJsonObject().has("jar") && f.getAsJsonObject().get("jar").getAsString().equals("gson-2.10.1.jar");
        }
        assertTrue(jarNamed, frames.toString());
        assertFalse(run.stderr.contains("SLF4J"), run.stderr);
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void worksBesideJacocosAgent(Jdk jdk) throws Exception {
        String jacoco = jarOnTestClassPath("org.jacoco.agent");
        Path exec = home.resolve("jacoco.exec");
        ChildJvm.Result run = new ChildJvm(jdk, home)
                .jvmArg("-javaagent:" + jacoco + "=destfile=" + exec + ",includes=demo.*")
                .agentArgs("mainLoop=demo.Game#tick").run("demo.Game", "3");

        assertEquals(70, run.exitCode, run.toString());
        assertEquals("NullPointerException in demo.Game.tick", run.onlyReport().get("title").getAsString());
        assertTrue(Files.size(exec) > 0, "JaCoCo wrote no coverage");
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void aProgramThatDoesNotFailLooksExactlyTheSame(Jdk jdk) throws Exception {
        ChildJvm.Result with = new ChildJvm(jdk, home).run("demo.Hello");
        ChildJvm.Result without = new ChildJvm(jdk, home).withoutAgent().run("demo.Hello");

        assertEquals(without.exitCode, with.exitCode);
        assertEquals(without.stdout, with.stdout);
        assertEquals(without.stderr, with.stderr, "the agent must print nothing of its own");
    }
}
