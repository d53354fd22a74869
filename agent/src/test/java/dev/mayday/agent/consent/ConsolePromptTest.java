package dev.mayday.agent.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ConsolePromptTest {

    private static final String REPORT = "{\n  \"schema\": \"mayday/1\",\n  \"title\": \"boom\"\n}";
    private static final ConsentRequest REQUEST =
            new ConsentRequest("Acme", "NullPointerException in acme.Game.tick", REPORT);

    private final StringWriter output = new StringWriter();

    private ConsentAnswer answer(String input) {
        ConsolePrompt prompt = new ConsolePrompt(new BufferedReader(new StringReader(input)), new PrintWriter(output));
        return prompt.ask(REQUEST);
    }

    private String output() {
        return output.toString().replace(System.lineSeparator(), "\n");
    }

    @Test
    void sendWithCommentAndEmail() {
        ConsentAnswer answer = answer("s\n  it froze on level 3  \nme@example.com\n");
        assertTrue(answer.send());
        assertFalse(answer.alwaysSend());
        assertEquals("it froze on level 3", answer.comment());
        assertEquals("me@example.com", answer.email());
        assertEquals("Acme has stopped working: NullPointerException in acme.Game.tick.\n"
                + "A report of what happened can go to its developers.\n"
                + "[s] send  [d] don't send  [v] view the report  [a] always send for Acme\n"
                + "> Comment (optional, one line): E-mail (optional): ", output());
    }

    private ConsentAnswer answerWithEarlier(String input) {
        ConsolePrompt prompt = new ConsolePrompt(new BufferedReader(new StringReader(input)), new PrintWriter(output));
        return prompt.ask(new ConsentRequest("Acme", "NullPointerException in acme.Game.tick", REPORT,
                java.util.List.of("IllegalStateException in acme.Orders.get (request)", "NullPointerException in acme.Cart.add (request)")));
    }

    @Test
    void earlierProblemReportsAreOfferedAndGoByDefault() {
        ConsentAnswer answer = answerWithEarlier("s\n\n\n\n");
        assertTrue(answer.send());
        assertTrue(answer.includeEarlier());
        assertEquals("Acme has stopped working: NullPointerException in acme.Game.tick.\n"
                + "A report of what happened can go to its developers.\n"
                + "Before that it went on after 2 problems, kept unsent: IllegalStateException in acme.Orders.get"
                + " (request); NullPointerException in acme.Cart.add (request).\n"
                + "[s] send  [d] don't send  [v] view the report  [a] always send for Acme\n"
                + "> Comment (optional, one line): E-mail (optional): Also send 2 earlier problem reports too? [Y/n] ",
                output());
    }

    @Test
    void earlierProblemReportsStayWhenThePersonSaysNo() {
        ConsentAnswer answer = answerWithEarlier("a\nsaving\n\nn\n");
        assertTrue(answer.send());
        assertTrue(answer.alwaysSend());
        assertFalse(answer.includeEarlier());
    }

    @Test
    void withoutEarlierReportsNothingMoreIsAsked() {
        assertFalse(answer("s\n\n\n").includeEarlier());
        assertFalse(output().contains("earlier"), output());
    }

    @Test
    void emptyCommentAndEmailBecomeNull() {
        ConsentAnswer answer = answer("send\n\n   \n");
        assertTrue(answer.send());
        assertNull(answer.comment());
        assertNull(answer.email());
    }

    @Test
    void alwaysSend() {
        ConsentAnswer answer = answer("A\nwas saving\n\n");
        assertTrue(answer.send());
        assertTrue(answer.alwaysSend());
        assertEquals("was saving", answer.comment());
        assertNull(answer.email());
    }

    @Test
    void dontSend() {
        ConsentAnswer answer = answer("d\n");
        assertFalse(answer.send());
        assertFalse(answer.alwaysSend());
        assertFalse(output().contains("Comment"), "no questions after don't send");
    }

    @Test
    void viewShowsTheReportThenAsksAgain() {
        ConsentAnswer answer = answer("v\ns\n\n\n");
        assertTrue(answer.send());
        String out = output();
        assertTrue(out.contains("> " + REPORT + "\n"), out);
        int firstChoices = out.indexOf("[s] send");
        int report = out.indexOf(REPORT);
        int secondChoices = out.indexOf("[s] send", report);
        assertTrue(firstChoices < report && report < secondChoices, out);
    }

    @Test
    void endOfInputMeansNobodyIsThere() {
        assertNull(answer(""));
        assertNull(answer("v\n"), "input ends after viewing");
        assertNull(answer("s\n"), "input ends before the comment");
        assertNull(answer("s\nfine\n"), "input ends before the e-mail");
    }

    @Test
    void garbageIsAskedAgainThenDontSend() {
        ConsentAnswer answer = answer("yes\n\nq\nd\n");
        assertFalse(answer.send());
        String out = output();
        assertEquals(4, count(out, "[s] send"), out);
        assertEquals(3, count(out, "Please type s, d, v or a"), out);
    }

    @Test
    void givesUpAfterFiveUnrecognisedAnswers() {
        ConsentAnswer answer = answer("1\n2\n3\n4\n5\ns\n\n\n");
        assertFalse(answer.send(), "the sixth line is never read");
        assertTrue(output().contains("the report is not sent"), output());
    }

    @Test
    void aBrokenReaderIsNoAnswerNotAnException() {
        BufferedReader broken = new BufferedReader(new StringReader("")) {
            @Override
            public String readLine() {
                throw new IllegalStateException("closed");
            }
        };
        assertNull(new ConsolePrompt(broken, new PrintWriter(output)).ask(REQUEST));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
