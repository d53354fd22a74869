package dev.mayday.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.text.MessageFormat;
import java.util.Date;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The fast path gives MessageFormat's own text, or leaves the record to MessageFormat. */
class SimpleMessageFormatTest {

    private static final Locale[] LOCALES = {
        Locale.ROOT, Locale.US, Locale.GERMANY, Locale.FRANCE, new Locale("de", "CH"), new Locale("hi", "IN"),
        new Locale("ar", "EG"), Locale.forLanguageTag("th-TH-u-nu-thai"), Locale.JAPAN, new Locale("ru", "RU"),
    };

    private static final String[] PATTERNS = {
        "request {0} handled", "{0}", "{1} of {0}", "{0}{0}{0}", "nothing to fill", "{2} is missing",
        "total {0} bytes in {1} files, {2}", "{10} far",
    };

    private static final Object[][] PARAMS = {
        {4242}, {-1234567L, "x"}, {0, (short) -5, (byte) 7}, {Long.MAX_VALUE}, {Long.MIN_VALUE, true},
        {"text", 'c', null}, {Integer.MIN_VALUE}, {999, 1000, 1_000_000},
    };

    @Test
    void givesMessageFormatsOwnTextInEveryLocale() {
        for (Locale locale : LOCALES) {
            SimpleMessageFormat fast = new SimpleMessageFormat(locale);
            for (String pattern : PATTERNS) {
                for (Object[] params : PARAMS) {
                    String expected = new MessageFormat(pattern, locale).format(params);
                    String got = fast.format(pattern, params);
                    if (got != null) {
                        assertEquals(expected, got, pattern + " " + java.util.Arrays.toString(params) + " in " + locale);
                    }
                }
            }
        }
        // The usual records do take the fast path in the usual locales.
        assertEquals("request 4,242 handled", new SimpleMessageFormat(Locale.US).format("request {0} handled",
                new Object[] {4242}));
        assertEquals("request 4.242 handled", new SimpleMessageFormat(Locale.GERMANY).format("request {0} handled",
                new Object[] {4242}));
    }

    /**
     * The languages whose small numbers need no locale data: checked against MessageFormat for
     * every locale of this JDK that takes that shortcut (and the general path for all the others).
     */
    @Test
    void smallNumbersArePlainDigitsWhereTheShortcutSaysSo() {
        int shortcut = 0;
        Object[][] numbers = {{0}, {7}, {42}, {100}, {999}, {(short) 5}, {12L}, {1000}, {-3}, {123456789}};
        for (Locale locale : Locale.getAvailableLocales()) {
            boolean plain = SimpleMessageFormat.hasPlainSmallNumbers(locale);
            shortcut += plain ? 1 : 0;
            SimpleMessageFormat fast = new SimpleMessageFormat(locale);
            for (Object[] params : numbers) {
                String expected = new MessageFormat("n={0}", locale).format(params);
                String got = fast.format("n={0}", params);
                if (got != null) {
                    assertEquals(expected, got, params[0] + " in " + locale.toLanguageTag());
                }
                long value = ((Number) params[0]).longValue();
                if (plain && value >= 0 && value < 1000) {
                    assertEquals("n=" + value, expected, "the shortcut is wrong for " + locale.toLanguageTag());
                }
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(shortcut > 100, "only " + shortcut + " locales take the shortcut");
    }

    @Test
    void leavesWhatItDoesNotKnowToMessageFormat() {
        SimpleMessageFormat fast = new SimpleMessageFormat(Locale.US);
        assertNull(fast.format("can''t open {0}", new Object[] {"f"}), "quotes");
        assertNull(fast.format("{0,number,#.##}", new Object[] {1.5}), "a format type");
        assertNull(fast.format("{0}", new Object[] {1.5}), "a decimal");
        assertNull(fast.format("{0}", new Object[] {new BigDecimal("1.5")}), "a big number");
        assertNull(fast.format("{0}", new Object[] {new Date(0)}), "a date");
        assertNull(fast.format("a } alone {0}", new Object[] {1}), "an unmatched brace");
        assertNull(fast.format("{name}", new Object[] {1}), "not an index");
    }
}
