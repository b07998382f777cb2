package dev.coupondecision.ruleset.table;

import org.apache.poi.ss.util.CellReference;

import java.util.List;

/**
 * One worksheet read cell by cell, normalised the same way whatever program wrote it: every cell of a merged
 * region holds the region's value (openpyxl and Google Sheets write only its first cell), formulas hold their
 * cached result, numbers their plain value. Rows and columns count from 0.
 *
 * @param rows         each row's cells up to its last non-empty one (rows may be empty)
 * @param mergedRegions merged regions as first row, last row, first column, last column
 */
public record SheetGrid(String name, List<List<TableCell>> rows, List<int[]> mergedRegions) {
    /** Drools' marker for a cell that is not part of a merged region. */
    public static final int NOT_MERGED = -1;

    public SheetGrid {
        rows = List.copyOf(rows);
        mergedRegions = List.copyOf(mergedRegions);
    }

    /** The cell at a position; a blank cell (with its reference) when nothing is there. */
    public TableCell cell(int row, int column) {
        List<TableCell> cells = row >= 0 && row < rows.size() ? rows.get(row) : List.of();
        return column >= 0 && column < cells.size() ? cells.get(column)
                : TableCell.blank(new CellReference(row, column).formatAsString(false));
    }

    /** The cells of a row (possibly empty). */
    public List<TableCell> row(int row) {
        return row >= 0 && row < rows.size() ? rows.get(row) : List.of();
    }

    public int rowCount() {
        return rows.size();
    }

    /** The first column of the merged region holding a cell, or {@link #NOT_MERGED}. */
    public int mergedColumnStart(int row, int column) {
        for (int[] region : mergedRegions) {
            if (row >= region[0] && row <= region[1] && column >= region[2] && column <= region[3]) {
                return region[2];
            }
        }
        return NOT_MERGED;
    }

    /** The 0-based index of the first non-blank cell of a row, or -1 when it has none. */
    public int firstNonBlank(int row) {
        List<TableCell> cells = row(row);
        for (int c = 0; c < cells.size(); c++) {
            if (!cells.get(c).isBlank()) {
                return c;
            }
        }
        return -1;
    }
}
