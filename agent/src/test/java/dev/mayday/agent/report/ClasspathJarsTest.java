package dev.mayday.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A jar's version from its name, as the regular expression it replaces found it. */
class ClasspathJarsTest {

    @Test
    void versionInNameAgreesWithTheRegularExpression() {
        Pattern versionInName = Pattern.compile("-(\\d[\\w.\\-]*)\\.jar$");
        String[] pieces = {"gson", "-", "2", "13", ".", "jar", ".jar", "_", "SNAPSHOT", "é", " ", "+", "a", "1-", "-x"};
        Random random = new Random(21);
        for (int i = 0; i < 50_000; i++) {
            StringBuilder name = new StringBuilder();
            for (int j = random.nextInt(8); j > 0; j--) {
                name.append(pieces[random.nextInt(pieces.length)]);
            }
            if (random.nextBoolean()) {
                name.append(".jar");
            }
            String n = name.toString();
            Matcher m = versionInName.matcher(n);
            assertEquals(m.find() ? m.group(1) : null, ClasspathJars.versionInName(n), n);
        }
        assertEquals("2.13.2", ClasspathJars.versionInName("gson-2.13.2.jar"));
        assertEquals("1.0-SNAPSHOT", ClasspathJars.versionInName("my-app-1.0-SNAPSHOT.jar"));
    }
}
