package dev.mayday.agent.report;

import com.google.gson.JsonElement;
import java.util.ArrayList;
import java.util.List;

/**
 * A report's {@code logs}, kept as each record's fields and written straight into the report's
 * text ({@link JsonText}): the same JSON as an array of one object per record, without the
 * thousand objects and six thousand values of a Gson tree. Building and then walking that tree,
 * interpreted, cost the first report of a process about 20 ms. {@link ReportTrimmer} cuts it as it
 * cuts the rest: the oldest records first, and strings over a length.
 */
final class LogRecords extends JsonElement {

    /** One record: each field as the report shows it (null is written as JSON null). */
    static final class Record {
        String time;
        String level;
        String logger;
        String thread;
        String message;
        boolean messageCut;
        /** Null when the record has none (and then no {@code exception} key is written). */
        String exception;

        Record copy() {
            Record r = new Record();
            r.time = time;
            r.level = level;
            r.logger = logger;
            r.thread = thread;
            r.message = message;
            r.messageCut = messageCut;
            r.exception = exception;
            return r;
        }
    }

    private final List<Record> records;

    LogRecords(int expected) {
        this.records = new ArrayList<Record>(expected);
    }

    void add(Record record) {
        records.add(record);
    }

    int size() {
        return records.size();
    }

    /** Drops the oldest records until {@code keep} are left. */
    void keepNewest(int keep) {
        if (records.size() > keep) {
            records.subList(0, records.size() - keep).clear();
        }
    }

    /** Cuts every field longer than {@code max} characters as the trimmer cuts strings; returns how many. */
    int cutLongStrings(int max) {
        int cut = 0;
        for (Record r : records) {
            cut += oneIfLonger(r.time, max) + oneIfLonger(r.level, max) + oneIfLonger(r.logger, max)
                    + oneIfLonger(r.thread, max) + oneIfLonger(r.message, max) + oneIfLonger(r.exception, max);
            r.time = shorter(r.time, max);
            r.level = shorter(r.level, max);
            r.logger = shorter(r.logger, max);
            r.thread = shorter(r.thread, max);
            r.message = shorter(r.message, max);
            r.exception = shorter(r.exception, max);
        }
        return cut;
    }

    private static int oneIfLonger(String s, int max) {
        return s != null && s.length() > max ? 1 : 0;
    }

    private static String shorter(String s, int max) {
        return oneIfLonger(s, max) == 1 ? ReportTrimmer.cut(s, max) : s;
    }

    /** {@code [{"time":...,"level":...,"logger":...,"thread":...,"message":...},...]}, in the order Gson kept them. */
    void writeTo(JsonText.Writer w) {
        StringBuilder out = w.out();
        out.append('[');
        // Consecutive records mostly share their level, logger and thread: each is escaped once
        // and its JSON text appended again (this runs interpreted on a first report).
        Repeated level = new Repeated();
        Repeated logger = new Repeated();
        Repeated thread = new Repeated();
        int n = records.size();
        for (int i = 0; i < n; i++) {
            Record r = records.get(i);
            if (i > 0) {
                out.append(',');
            }
            out.append("{\"time\":");
            w.quoteOrNull(r.time);
            out.append(",\"level\":");
            level.append(w, r.level);
            out.append(",\"logger\":");
            logger.append(w, r.logger);
            out.append(",\"thread\":");
            thread.append(w, r.thread);
            out.append(",\"message\":");
            w.quoteOrNull(r.message);
            if (r.messageCut) {
                out.append(",\"messageCut\":true");
            }
            if (r.exception != null) {
                out.append(",\"exception\":");
                w.quote(r.exception);
            }
            out.append('}');
        }
        out.append(']');
    }

    /** The last value written in one field, and its JSON text. */
    private static final class Repeated {
        private String value;
        private String json;

        void append(JsonText.Writer w, String v) {
            StringBuilder out = w.out();
            if (v != null && json != null && v.equals(value)) {
                out.append(json);
                return;
            }
            int start = out.length();
            w.quoteOrNull(v);
            if (v != null) {
                value = v;
                json = out.substring(start);
            }
        }
    }

    @Override
    public LogRecords deepCopy() {
        LogRecords copy = new LogRecords(records.size());
        for (Record r : records) {
            copy.add(r.copy());
        }
        return copy;
    }

    @Override
    public boolean isJsonArray() {
        return false; // not a JsonArray: whoever needs one parses the written report
    }

    /** The JSON text (Gson's own writer does not know this element). */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(records.size() * 128 + 2);
        JsonText.write(out, this);
        return out.toString();
    }
}
