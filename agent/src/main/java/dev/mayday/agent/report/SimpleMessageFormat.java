package dev.mayday.agent.report;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * {@code java.text.MessageFormat}'s output for the patterns java.util.logging records nearly always
 * have: plain {@code {0}}-style placeholders, no quotes, no format types, and parameters that are
 * text, whole numbers (grouped as the default locale groups them, as MessageFormat's
 * {@code NumberFormat} does), booleans or characters. Anything else is left to MessageFormat (null
 * here). Why: the first report of a process is built cold, and MessageFormat, interpreted, takes
 * some 100 µs a record; a thousand records were half the first report's time.
 */
final class SimpleMessageFormat {

    /**
     * Languages whose every locale (without a script, variant or extension) writes numbers in
     * ASCII digits with no prefix or suffix, by the JDK's default locale data (CLDR). For them the
     * numbers 0 to 999 need no locale data at all: loading it (the locale provider and its bundles)
     * costs the first report about 25 ms. {@code SimpleMessageFormatTest} checks this list against
     * MessageFormat for every such locale the running JDK has.
     */
    private static final java.util.Set<String> ASCII_DIGIT_LANGUAGES = new java.util.HashSet<String>(
            java.util.Arrays.asList("", "en", "de", "fr", "es", "it", "pt", "nl", "sv", "da", "nb", "nn", "no", "fi", "is",
                    "pl", "cs", "sk", "hu", "ro", "tr", "ru", "uk", "be", "bg", "el", "hr", "sr", "sl", "lt", "lv", "et",
                    "ja", "zh", "ko", "vi", "id", "in", "ms", "th", "he", "iw", "ca", "eu", "gl", "ga", "cy"));

    private final Locale locale;
    /** Whether 0 to 999 are plain ASCII digits in this locale (see above). */
    private final boolean smallNumbersPlain;
    private boolean symbolsRead;
    private char zero;
    private char groupingSeparator;
    private char minus;
    /** 0 when the locale's number format does not group; -1 when its numbers are MessageFormat's own. */
    private int groupingSize;

    SimpleMessageFormat(Locale locale) {
        this.locale = locale;
        this.smallNumbersPlain = hasPlainSmallNumbers(locale);
    }

    /** True when {@code locale}'s numbers 0 to 999 are written as {@code Integer.toString} writes them. */
    static boolean hasPlainSmallNumbers(Locale locale) {
        return System.getProperty("java.locale.providers") == null // the default data, no SPI or COMPAT
                && locale.getScript().isEmpty() && locale.getVariant().isEmpty() && !locale.hasExtensions()
                && ASCII_DIGIT_LANGUAGES.contains(locale.getLanguage());
    }

    /** The locale's number symbols, read the first time a number needs them. */
    private void readSymbols() {
        NumberFormat numbers = NumberFormat.getInstance(locale);
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
        boolean plainDecimal = numbers instanceof DecimalFormat
                && ((DecimalFormat) numbers).getPositivePrefix().isEmpty()
                && ((DecimalFormat) numbers).getPositiveSuffix().isEmpty()
                && ((DecimalFormat) numbers).getNegativeSuffix().isEmpty()
                && ((DecimalFormat) numbers).getNegativePrefix().equals(String.valueOf(symbols.getMinusSign()));
        zero = symbols.getZeroDigit();
        groupingSeparator = symbols.getGroupingSeparator();
        minus = symbols.getMinusSign();
        groupingSize = !plainDecimal ? -1 : numbers.isGroupingUsed() ? ((DecimalFormat) numbers).getGroupingSize() : 0;
        symbolsRead = true;
    }

    /** The formatted text, or null when the pattern or a parameter needs MessageFormat itself. */
    String format(String pattern, Object[] params) {
        if (pattern.indexOf('\'') >= 0) {
            return null;
        }
        StringBuilder out = new StringBuilder(pattern.length() + 16 * params.length);
        int n = pattern.length();
        for (int i = 0; i < n; i++) {
            char c = pattern.charAt(i);
            if (c == '}') {
                return null; // an unmatched brace: MessageFormat's own rules
            }
            if (c != '{') {
                out.append(c);
                continue;
            }
            int close = pattern.indexOf('}', i + 1);
            if (close < 0 || close == i + 1 || close - i > 4) {
                return null;
            }
            int index = 0;
            for (int j = i + 1; j < close; j++) {
                char d = pattern.charAt(j);
                if (d < '0' || d > '9') {
                    return null; // {0,number}, {name}: MessageFormat's own
                }
                index = index * 10 + (d - '0');
            }
            if (index >= params.length) {
                out.append('{').append(index).append('}'); // as MessageFormat leaves it
            } else if (!append(out, params[index])) {
                return null;
            }
            i = close;
        }
        return out.toString();
    }

    private boolean append(StringBuilder out, Object p) {
        if (p == null) {
            out.append("null");
        } else if (p instanceof String) {
            out.append((String) p);
        } else if (p instanceof Integer || p instanceof Long || p instanceof Short || p instanceof Byte) {
            long value = ((Number) p).longValue();
            if (value == Long.MIN_VALUE) {
                return false; // no positive counterpart: MessageFormat's
            }
            if (value >= 0 && value < 1000 && smallNumbersPlain) {
                out.append(value);
                return true;
            }
            if (!symbolsRead) {
                readSymbols();
            }
            if (groupingSize < 0) {
                return false; // a prefix or suffix: MessageFormat's
            }
            appendWhole(out, value);
        } else if (p instanceof Boolean || p instanceof Character) {
            out.append(p);
        } else {
            return false; // decimals, dates, big numbers: MessageFormat's NumberFormat and DateFormat
        }
        return true;
    }

    private void appendWhole(StringBuilder out, long value) {
        if (value < 0) {
            out.append(minus);
            value = -value;
        }
        String digits = Long.toString(value);
        int length = digits.length();
        for (int i = 0; i < length; i++) {
            if (groupingSize > 0 && i > 0 && (length - i) % groupingSize == 0) {
                out.append(groupingSeparator);
            }
            out.append((char) (zero + (digits.charAt(i) - '0')));
        }
    }
}
