package dev.coupondecision.ruleset;

import dev.coupondecision.ruleset.table.TableWorkbook;

import java.util.List;
import java.util.Map;

/**
 * The DRL Drools generates from one worksheet, with what is needed to point back at the sheet: the sheet as it was
 * read, the row each rule came from, and for each generated line the spreadsheet row whose values it holds.
 *
 * @param source     the sheet's cells and tables
 * @param rowByRule  spreadsheet row (1-based) of each generated rule, by rule name
 * @param rowMarkers for each generated rule, its first DRL line (1-based) and its spreadsheet row
 */
public record TranslatedSheet(String file, TableWorkbook.Sheet source, String drl, Map<String, Integer> rowByRule,
                              List<RowMarker> rowMarkers) {

    /** The rule starting at {@code drlLine} holds the values of spreadsheet row {@code row}. */
    public record RowMarker(int drlLine, int row) {
    }

    public TranslatedSheet {
        rowByRule = Map.copyOf(rowByRule);
        rowMarkers = List.copyOf(rowMarkers);
    }

    /** The sheet's name. */
    public String sheet() {
        return source.name();
    }

    /** The text of a generated DRL line (1-based), or "" past the end. */
    public String drlLine(int line) {
        String[] lines = drl.split("\n", -1);
        return line >= 1 && line <= lines.length ? lines[line - 1] : "";
    }

    /** The resource path the generated DRL is compiled under, so compiler messages name file and sheet. */
    public String sourcePath() {
        return file + "#" + sheet();
    }

    /** The spreadsheet row whose rule contains a generated DRL line, or null for the header lines. */
    public Integer rowOfDrlLine(int drlLine) {
        Integer row = null;
        for (RowMarker marker : rowMarkers) {
            if (marker.drlLine() <= drlLine) {
                row = marker.row();
            }
        }
        return row;
    }
}
