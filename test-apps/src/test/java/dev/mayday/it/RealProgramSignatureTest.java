package dev.mayday.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real programs on real libraries (Groovy, Jackson, H2 from Maven Central), each run under the
 * real agent jar on JDK 17 and 25: the title and the signature name the program's own frame,
 * never the library's, and the signature is the same on both JDKs.
 */
class RealProgramSignatureTest {

    @TempDir
    Path home;

    private int runs;

    private static String locationOf(Class<?> c) throws Exception {
        return Paths.get(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    /** Runs {@code mainClass} on every JDK with the libraries' jars; returns each run's one report. */
    private List<JsonObject> reportsOnEveryJdk(String mainClass, List<Class<?>> libraries, String... args) throws Exception {
        List<JsonObject> reports = new ArrayList<>();
        for (Jdk jdk : Jdk.all()) {
            Path dir = Files.createDirectories(home.resolve("run-" + (++runs)));
            ChildJvm child = new ChildJvm(jdk, dir).classPath(locationOf(RealProgramSignatureTest.class)).timeout(120);
            for (Class<?> lib : libraries) {
                child.classPath(locationOf(lib));
            }
            ChildJvm.Result run = child.run(mainClass, args);
            assertEquals(1, run.exitCode, jdk + ": the program's own exit status\n" + run);
            JsonObject report = run.onlyReport();
            report.addProperty("_jdk", jdk.name);
            reports.add(report);
        }
        return reports;
    }

    private static void sameSignatureOnEveryJdk(List<JsonObject> reports) {
        for (JsonObject r : reports) {
            assertEquals(reports.get(0).get("signature").getAsString(), r.get("signature").getAsString(),
                    "signature on " + r.get("_jdk") + " vs " + reports.get(0).get("_jdk"));
        }
    }

    private static String title(JsonObject report) {
        return report.get("title").getAsString();
    }

    @Test
    void aGroovyScriptCallingAMethodOnNullIsBlamedOnTheScriptNotOnGroovy() throws Exception {
        List<JsonObject> reports = reportsOnEveryJdk("acme.GroovyRules", List.of(groovy.lang.GroovyShell.class));
        for (JsonObject r : reports) {
            assertEquals("NullPointerException in PriceRules.run (via org.codehaus.groovy.runtime.NullObject.invokeMethod)",
                    title(r), r.get("_jdk").getAsString());
        }
        sameSignatureOnEveryJdk(reports);
    }

    @Test
    void jacksonsFailureWrappedByTheProgramIsTheProgramsFailure() throws Exception {
        List<JsonObject> reports = reportsOnEveryJdk("acme.JacksonExport",
                List.of(ObjectMapper.class, JsonFactory.class, com.fasterxml.jackson.annotation.JsonProperty.class));
        for (JsonObject r : reports) {
            assertEquals("RuntimeException in acme.JacksonExport.export", title(r), r.get("_jdk").getAsString());
        }
        sameSignatureOnEveryJdk(reports);
    }

    @Test
    void anH2FailureIsTitledWithTheProgramsCallAndTheLibraryEntryPoint() throws Exception {
        List<JsonObject> checkout = reportsOnEveryJdk("acme.H2Shop", List.of(org.h2.Driver.class), "checkout");
        for (JsonObject r : checkout) {
            assertEquals("JdbcSQLDataException in acme.H2Shop.checkout (via org.h2.jdbc.JdbcConnection.prepareStatement)",
                    title(r), r.get("_jdk").getAsString());
        }
        sameSignatureOnEveryJdk(checkout);
        List<JsonObject> connect = reportsOnEveryJdk("acme.H2Shop", List.of(org.h2.Driver.class), "connect");
        for (JsonObject r : connect) {
            assertEquals("ConnectException in acme.H2Shop.connect (via org.h2.Driver.connect)", title(r),
                    r.get("_jdk").getAsString());
        }
        sameSignatureOnEveryJdk(connect);
        assertNotEquals(checkout.get(0).get("signature").getAsString(), connect.get(0).get("signature").getAsString());
    }

    @Test
    void theInAppOptionDecidesWhichFramesAreTheProgramsOwn() throws Exception {
        // Told that only acme is the application, the script is somebody else's code: the title names
        // the program's call into it.
        Path dir = Files.createDirectories(home.resolve("inapp"));
        ChildJvm.Result run = new ChildJvm(Jdk.current(), dir).agentArgs("inApp=acme.")
                .classPath(locationOf(RealProgramSignatureTest.class)).classPath(locationOf(groovy.lang.GroovyShell.class))
                .timeout(120).run("acme.GroovyRules");
        assertEquals("NullPointerException in acme.GroovyRules.price (via PriceRules.run)", title(run.onlyReport()), run.toString());
    }
}
