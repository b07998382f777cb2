package dev.coupondecision.ruleset;

import dev.coupondecision.ruleset.table.TableWorkbook;
import dev.coupondecision.ruleset.table.UnreadableWorkbookException;
import dev.coupondecision.ruleset.table.WorkbookLimits;
import dev.coupondecision.ruleset.table.WorkbookReader;

import java.util.Objects;

/**
 * One rule source as read from disk or uploaded: a DRL file or an XLSX decision table, with the SHA-256 of its
 * bytes. A workbook is parsed once, the first time it is asked for, and the same model then serves lint,
 * translation, error mapping and display.
 */
public final class RuleFile {

    public enum Kind { DRL, XLSX }

    private final String name;
    private final Kind kind;
    private final byte[] content;
    private final String sha256;
    private volatile Object parsed;

    RuleFile(String name, Kind kind, byte[] content, String sha256) {
        this.name = Objects.requireNonNull(name, "name");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.content = Objects.requireNonNull(content, "content");
        this.sha256 = Objects.requireNonNull(sha256, "sha256");
    }

    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    /** The file's bytes; not copied, so callers must not change them. */
    public byte[] content() {
        return content;
    }

    public String sha256() {
        return sha256;
    }

    /**
     * The workbook's tables and cells, parsed once.
     *
     * @throws UnreadableWorkbookException when the file passes a size limit (checked first, on the raw bytes)
     *                                     or cannot be read as a workbook
     */
    public TableWorkbook workbook(WorkbookLimits limits) {
        if (kind != Kind.XLSX) {
            throw new IllegalStateException(name + " is not a workbook");
        }
        Object result = parsed;
        if (result == null) {
            result = parse(limits);
            parsed = result;
        }
        if (result instanceof UnreadableWorkbookException unreadable) {
            throw new UnreadableWorkbookException(unreadable.getMessage(), unreadable);
        }
        return (TableWorkbook) result;
    }

    private Object parse(WorkbookLimits limits) {
        var tooLarge = limits.problemWith(name, kind == Kind.XLSX, content);
        if (tooLarge.isPresent()) {
            return new UnreadableWorkbookException(tooLarge.get(), null);
        }
        try {
            return WorkbookReader.read(name, content);
        } catch (UnreadableWorkbookException e) {
            return e;
        }
    }

    @Override
    public String toString() {
        return name + " (" + sha256.substring(0, 12) + ")";
    }
}
