package dev.mayday.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RedactorTest {

    @Test
    void secretLookingNamesAreAlwaysRedacted() {
        Redactor r = new Redactor(null);
        for (String name : new String[] {"DB_PASSWORD", "aws.secret.key", "MAYDAY_TOKEN", "javax.net.ssl.keyStorePassword",
                                         "GITHUB_AUTH", "credentials.file", "passwd"}) {
            assertTrue(r.isSecret(name), name);
        }
        assertFalse(r.isSecret("java.version"));
        assertFalse(r.isSecret("PATH"));
        assertEquals("[redacted]", r.value("API_TOKEN", "abc"));
        assertEquals("/usr/bin", r.value("PATH", "/usr/bin"));
    }

    @Test
    void theRedactOptionAddsNames() {
        Redactor r = new Redactor(Pattern.compile("(?i)license"));
        assertTrue(r.isSecret("LICENSE_CODE"));
    }

    @Test
    void pairsInsideTextAreRedacted() {
        Redactor r = new Redactor(null);
        assertEquals("-javaagent:/a/mayday-agent.jar=send=http://h/api,token=[redacted],app=x",
                r.pairs("-javaagent:/a/mayday-agent.jar=send=http://h/api,token=t0ps3cret,app=x"));
        assertEquals("demo.Main --user=bob --password=[redacted]", r.pairs("demo.Main --user=bob --password=hunter2"));
        // A token in a destination's query, in agent arguments or in a -Dmayday.send property's value.
        assertEquals("-javaagent:/a/mayday-agent.jar=send=ws://h:8687/reports?token=[redacted]&x=1,app=x",
                r.pairs("-javaagent:/a/mayday-agent.jar=send=ws://h:8687/reports?token=t0ps3cret&x=1,app=x"));
        assertEquals("ws://h/reports?token=[redacted]", r.value("mayday.send", "ws://h/reports?token=t0ps3cret"));
    }

    /** The regular expressions the rules were first written as: the plain-text scan must agree with them. */
    @Test
    void agreesWithTheRegularExpressionsItReplaced() {
        Pattern always = Pattern.compile("(?i)pass(word|wd)?|pwd|secret|token|key|credential|auth|cookie|session|private");
        Pattern pair = Pattern.compile("([A-Za-z0-9_.\\-]+)=([^,;\\s?&]*)");
        Redactor r = new Redactor(null);
        String[] pieces = {"a", "Z", "9", "_", ".", "-", "=", "==", ",", ";", "?", "&", " ", "\t", "\n", "\u000B", "/", ":",
                           "token", "PassWd", "KEY", "k", "\u212A" /* Kelvin sign */, "\u0130", "é", "x.secret", "auth"};
        java.util.Random random = new java.util.Random(11);
        for (int i = 0; i < 50_000; i++) {
            StringBuilder text = new StringBuilder();
            int n = random.nextInt(12);
            for (int j = 0; j < n; j++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String t = text.toString();
            assertEquals(always.matcher(t).find(), r.isSecret(t), "name " + t);
            java.util.regex.Matcher m = pair.matcher(t);
            StringBuilder out = new StringBuilder();
            int last = 0;
            while (m.find()) {
                if (always.matcher(m.group(1)).find()) {
                    out.append(t, last, m.start(2)).append(Redactor.REDACTED);
                    last = m.end(2);
                }
            }
            String expected = last == 0 ? t : out.append(t, last, t.length()).toString();
            assertEquals(expected, r.pairs(t), "text " + t);
        }
    }
}
