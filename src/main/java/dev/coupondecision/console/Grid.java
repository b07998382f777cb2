package dev.coupondecision.console;

import dev.coupondecision.ruleset.Finding;
import dev.coupondecision.ruleset.RuleFile;
import dev.coupondecision.ruleset.RuleFileSet;
import dev.coupondecision.ruleset.table.DecisionTable;
import dev.coupondecision.ruleset.table.TableCell;
import dev.coupondecision.ruleset.table.TableWorkbook;
import dev.coupondecision.ruleset.table.WorkbookReader;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A decision table as the console draws it: the business columns under their titles and the rule rows with their
 * spreadsheet row numbers, as the analyst's spreadsheet shows them with the developer rows folded away; findings sit
 * on their cells, and the rows that fired for a simulated customer are marked.
 */
record Grid(String file, String sheet, List<String> titles, List<Row> rows, List<String> tableFindings) {

    record Row(int number, List<Cell> cells, boolean fired) {
    }

    record Cell(String ref, String text, String finding, boolean number) {
    }

    private static final Pattern ROW = Pattern.compile("row (\\d+)");

    /**
     * @param fired sources of the rules that fired ("coupons.xlsx › Coupons › row 12"), to mark their rows
     */
    static List<Grid> of(RuleFileSet files, List<Finding> findings, Set<String> fired) {
        Map<String, String> byCell = new HashMap<>();
        Map<String, List<String>> bySheet = new HashMap<>();
        for (Finding finding : findings) {
            if (finding.sheet() == null) {
                continue;
            }
            String cell = finding.cell();
            Matcher row = cell == null ? null : ROW.matcher(cell);
            if (cell != null && row.matches()) {
                cell = "A" + row.group(1);
            }
            if (cell == null) {
                bySheet.computeIfAbsent(finding.file() + "|" + finding.sheet(), k -> new ArrayList<>()).add(finding.message());
            } else {
                byCell.merge(finding.file() + "|" + finding.sheet() + "|" + cell, finding.message(), (a, b) -> a + "; " + b);
            }
        }
        List<Grid> grids = new ArrayList<>();
        for (RuleFile file : files.files()) {
            if (file.kind() != RuleFile.Kind.XLSX) {
                continue;
            }
            TableWorkbook workbook;
            try {
                workbook = WorkbookReader.read(file.name(), file.content());
            } catch (RuntimeException e) {
                grids.add(new Grid(file.name(), "", List.of(), List.of(), List.of("cannot be read: " + e.getMessage())));
                continue;
            }
            for (DecisionTable table : workbook.tables()) {
                String key = file.name() + "|" + table.sheet();
                List<Row> rows = new ArrayList<>();
                for (DecisionTable.RuleRow row : table.rows()) {
                    List<Cell> cells = new ArrayList<>();
                    for (DecisionTable.Column column : table.columns()) {
                        TableCell cell = row.cell(column);
                        cells.add(new Cell(cell.ref(), cell.text(), byCell.get(key + "|" + cell.ref()),
                                cell.kind() == TableCell.Kind.NUMBER));
                    }
                    rows.add(new Row(row.number(), cells,
                            fired.contains(file.name() + " › " + table.sheet() + " › row " + row.number())));
                }
                List<String> tableFindings = new ArrayList<>(bySheet.getOrDefault(key, List.of()));
                byCell.forEach((cellKey, message) -> {
                    // findings on cells outside the rule rows (titles, developer rows) are listed with the table
                    if (cellKey.startsWith(key + "|") && rows.stream().flatMap(r -> r.cells().stream())
                            .noneMatch(c -> cellKey.equals(key + "|" + c.ref()))) {
                        tableFindings.add(cellKey.substring(key.length() + 1) + ": " + message);
                    }
                });
                grids.add(new Grid(file.name(), table.sheet(), table.columns().stream().map(DecisionTable.Column::label)
                        .toList(), rows, tableFindings));
            }
        }
        return grids;
    }
}
