package dev.coupondecision.ruleset.table;

/** A file that should be a workbook but cannot be opened as one; the message says so in an analyst's words. */
public class UnreadableWorkbookException extends RuntimeException {
    public UnreadableWorkbookException(String message, Throwable cause) {
        super(message, cause);
    }
}
