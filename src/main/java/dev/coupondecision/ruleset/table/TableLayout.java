package dev.coupondecision.ruleset.table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the RuleSet options and the RuleTable blocks of a sheet the way Drools lays them out: options in two
 * columns; under "RuleTable name" the kind, object type, code and title rows, then rule rows until the first
 * blank row.
 */
public final class TableLayout {
    /** RuleSet option keys and rule attributes that Drools reads from the rows outside rule tables. */
    private static final Set<String> DROOLS_PROPERTY_KEYS = Set.of("RULESET", "IMPORT", "VARIABLES", "FUNCTIONS",
            "QUERIES", "DECLARE", "SEQUENTIAL", "SEQUENTIALMAXPRIORITY", "SEQUENTIALMINPRIORITY", "ESCAPEQUOTES",
            "NUMERICDISABLED", "IGNORENUMERICFORMAT", "DIALECT", "PRIORITY", "SALIENCE", "DURATION", "TIMER",
            "ENABLED", "CALENDARS", "NO-LOOP", "LOCK-ON-ACTIVE", "AUTO-FOCUS", "ACTIVATION-GROUP", "AGENDA-GROUP",
            "RULEFLOW-GROUP", "DATE-EFFECTIVE", "DATE-EXPIRES");

    private TableLayout() {
    }

    /** Whether Drools treats the sheet as a rule sheet: a row whose first non-blank cell is "RuleSet". */
    static boolean isRuleSheet(SheetGrid grid) {
        for (int r = 0; r < grid.rowCount(); r++) {
            int first = grid.firstNonBlank(r);
            if (first >= 0 && grid.cell(r, first).text().trim().equalsIgnoreCase("RuleSet")) {
                return true;
            }
        }
        return false;
    }

    /** Whether any row of the sheet starts with a "RuleTable" cell. */
    public static boolean hasRuleTable(SheetGrid grid) {
        for (int r = 0; r < grid.rowCount(); r++) {
            int first = grid.firstNonBlank(r);
            if (first >= 0 && grid.cell(r, first).text().trim().regionMatches(true, 0, "RuleTable", 0, 9)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Drools reads every non-blank row of a rule sheet that lies outside its rule tables as a RuleSet option
     * (first non-blank cell: the key; the next non-blank cell to its right: the value), wherever it is: above
     * the first table, or below a table after its blank row. So options are collected from the whole sheet
     * and every table of the sheet sees all of them. Outside the RuleSet block (the rows from "RuleSet" down
     * to the first table) only rows whose key Drools interprets count; other rows there are notes.
     */
    static List<DecisionTable> tables(String file, SheetGrid grid) {
        List<int[]> tableStarts = new ArrayList<>();
        Map<String, TableCell> options = new LinkedHashMap<>();
        List<TableCell> optionKeys = new ArrayList<>();
        boolean inRuleSet = false;
        for (int r = 0; r < grid.rowCount(); r++) {
            int first = grid.firstNonBlank(r);
            if (first < 0) {
                continue;
            }
            String head = grid.cell(r, first).text().trim();
            if (head.regionMatches(true, 0, "RuleTable", 0, "RuleTable".length())) {
                tableStarts.add(new int[]{r, first});
                r = lastRowOfTable(grid, r, first);
                inRuleSet = false;
                continue;
            }
            if (head.equalsIgnoreCase("RuleSet")) {
                inRuleSet = true;
            }
            if (inRuleSet || DROOLS_PROPERTY_KEYS.contains(head.toUpperCase())) {
                TableCell key = grid.cell(r, first);
                optionKeys.add(key);
                options.put(key.ref(), valueRightOf(grid, r, first));
            }
        }
        List<DecisionTable> tables = new ArrayList<>();
        for (int[] start : tableStarts) {
            tables.add(table(file, grid, start[0], start[1], options, optionKeys));
        }
        return tables;
    }

    /** The value Drools takes for the option keyed at (row, keyColumn): the next non-blank cell to its right. */
    private static TableCell valueRightOf(SheetGrid grid, int row, int keyColumn) {
        List<TableCell> cells = grid.row(row);
        for (int c = keyColumn + 1; c < cells.size(); c++) {
            if (!cells.get(c).isBlank()) {
                return cells.get(c);
            }
        }
        return grid.cell(row, keyColumn + 1);
    }

    /** The 0-based index of the last row of the table headed at {@code headerRow} (its last rule row). */
    private static int lastRowOfTable(SheetGrid grid, int headerRow, int firstColumn) {
        DecisionTable table = table("", grid, headerRow, firstColumn, Map.of(), List.of());
        return table.rows().isEmpty() ? headerRow + 4 : table.rows().get(table.rows().size() - 1).number() - 1;
    }

    private static DecisionTable table(String file, SheetGrid grid, int headerRow, int firstColumn,
                                       Map<String, TableCell> options, List<TableCell> optionKeys) {
        List<DecisionTable.Column> columns = new ArrayList<>();
        int lastColumn = grid.row(headerRow + 1).size() - 1;
        for (int c = firstColumn; c <= lastColumn; c++) {
            TableCell kind = grid.cell(headerRow + 1, c);
            if (!kind.isBlank()) {
                columns.add(new DecisionTable.Column(c - firstColumn, kind, grid.cell(headerRow + 2, c),
                        grid.cell(headerRow + 3, c), grid.cell(headerRow + 4, c)));
            }
        }
        List<DecisionTable.RuleRow> rows = new ArrayList<>();
        int lastIndex = columns.isEmpty() ? 0 : columns.get(columns.size() - 1).index();
        for (int r = headerRow + 5; r < grid.rowCount(); r++) {
            List<TableCell> cells = new ArrayList<>();
            boolean any = false;
            for (int c = firstColumn; c <= firstColumn + lastIndex; c++) {
                TableCell cell = grid.cell(r, c);
                any |= !cell.isBlank();
                cells.add(cell);
            }
            if (!any) {
                break;
            }
            rows.add(new DecisionTable.RuleRow(r + 1, cells));
        }
        return new DecisionTable(file, grid.name(), headerRow + 1, options, optionKeys, columns, rows);
    }
}
