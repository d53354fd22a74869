package dev.mayday.collector.ingest;

/** The body is not a Mayday report; the message says why and is shown to the sender (400). */
public final class InvalidReportException extends Exception {
    private final String reportId;

    public InvalidReportException(String message, String reportId) {
        super(message, null, false, false);
        this.reportId = reportId;
    }

    /** The report's id when it could be read, so a WebSocket error can name it; else null. */
    public String reportId() {
        return reportId;
    }
}
