package dev.mayday.agent.report;

/**
 * Epoch milliseconds as ISO-8601 UTC ({@code 2026-11-26T07:54:15.994Z}), the format
 * {@code Instant.toString()} gives for whole milliseconds, without going through
 * {@code DateTimeFormatter}: a report formats a thousand log times, and this is its hot loop.
 * {@code java.time}'s formatter also costs its first user about 7 ms of class loading, which
 * would fall on the first report.
 */
public final class IsoTime {

    private IsoTime() {
    }

    /**
     * {@code yyyyMMdd-HHmmss} in UTC, as a report's file name starts; for years 0 to 9999 (others
     * go through {@code DateTimeFormatter}).
     */
    public static String fileStamp(long epochMillis) {
        String iso = format(epochMillis);
        if (iso.length() != 24) {
            return java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                    .withZone(java.time.ZoneOffset.UTC).format(java.time.Instant.ofEpochMilli(epochMillis));
        }
        return new StringBuilder(15).append(iso, 0, 4).append(iso, 5, 7).append(iso, 8, 10).append('-')
                .append(iso, 11, 13).append(iso, 14, 16).append(iso, 17, 19).toString();
    }

    public static String format(long epochMillis) {
        long seconds = Math.floorDiv(epochMillis, 1000L);
        int millis = (int) Math.floorMod(epochMillis, 1000L);
        long days = Math.floorDiv(seconds, 86_400L);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
        // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long year = yearOfEra + era * 400;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long mp = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        if (month <= 2) {
            year++;
        }
        if (year < 0 || year > 9999) {
            return java.time.Instant.ofEpochMilli(epochMillis).toString();
        }
        char[] c = new char[24];
        put(c, 0, (int) year, 4);
        c[4] = '-';
        put(c, 5, month, 2);
        c[7] = '-';
        put(c, 8, day, 2);
        c[10] = 'T';
        put(c, 11, secondOfDay / 3600, 2);
        c[13] = ':';
        put(c, 14, secondOfDay / 60 % 60, 2);
        c[16] = ':';
        put(c, 17, secondOfDay % 60, 2);
        c[19] = '.';
        put(c, 20, millis, 3);
        c[23] = 'Z';
        return new String(c);
    }

    private static void put(char[] c, int at, int value, int digits) {
        for (int i = at + digits - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
