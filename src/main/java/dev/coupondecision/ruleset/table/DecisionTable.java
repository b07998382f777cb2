package dev.coupondecision.ruleset.table;

import java.util.List;
import java.util.Map;

/**
 * One RuleTable of a sheet, read cell by cell so that findings can name the cell: the 1-based row of its
 * "RuleTable" cell, the RuleSet options of its sheet ({@code optionKeys} in sheet order; {@code options} maps
 * each key cell's reference to the value cell Drools reads for it), its columns (kind, object type, code
 * template, title) and its rule rows.
 */
public record DecisionTable(String file, String sheet, int headerRow, Map<String, TableCell> options,
                            List<TableCell> optionKeys, List<Column> columns, List<RuleRow> rows) {

    /** A column: {@code kind} is CONDITION, ACTION, NAME, ...; {@code code} the developer's template. */
    public record Column(int index, TableCell kind, TableCell objectType, TableCell code, TableCell title) {
        public boolean isCondition() {
            return kind.text().trim().toUpperCase().startsWith("CONDITION");
        }

        public boolean isAction() {
            return kind.text().trim().toUpperCase().startsWith("ACTION");
        }

        public boolean isPriority() {
            return kind.text().trim().equalsIgnoreCase("PRIORITY");
        }

        public String template() {
            return code == null ? "" : code.text();
        }

        public String label() {
            return title == null || title.isBlank() ? kind.text() : title.text();
        }
    }

    /** A rule row with its 1-based spreadsheet row number and one cell per column. */
    public record RuleRow(int number, List<TableCell> cells) {
        public TableCell cell(Column column) {
            return cells.get(column.index());
        }
    }

    public DecisionTable {
        options = Map.copyOf(options);
        optionKeys = List.copyOf(optionKeys);
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** The row (1-based) of the code templates: three below the "RuleTable" cell. */
    public int codeRow() {
        return headerRow + 3;
    }

    /** The column whose code template contains {@code fragment}, if any. */
    public java.util.Optional<Column> columnWithCode(String fragment) {
        return columns.stream().filter(c -> c.template().contains(fragment)).findFirst();
    }
}
