package dev.coupondecision.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.coupondecision.ruleset.RuleFile;
import dev.coupondecision.ruleset.table.DecisionTable;
import dev.coupondecision.ruleset.table.TableCell;
import dev.coupondecision.ruleset.table.WorkbookReader;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What changed between two stored rulesets, the way analysts read it: per decision table the rows added, removed,
 * moved or changed (rows are matched by their rule name), each changed cell with its column title, old and new
 * value and cell; per DRL file a unified diff; per scenario file whether it was added, removed or changed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VersionDiff(String from, String to, List<TableChange> tables, List<DrlChange> drl,
                          List<FileChange> scenarios) {

    public enum Change { ADDED, REMOVED, CHANGED, MOVED }

    public record TableChange(String file, String sheet, Change change, List<RowChange> rows) {
    }

    /** A rule row: its name, its row in each version (null where absent) and the cells that differ. */
    public record RowChange(String rule, Integer fromRow, Integer toRow, Change change, List<CellChange> cells) {
    }

    public record CellChange(String column, String fromCell, String toCell, String before, String after) {
    }

    public record DrlChange(String file, Change change, List<String> unifiedDiff) {
    }

    public record FileChange(String path, Change change) {
    }

    public static VersionDiff between(String from, RulesetSnapshot before, String to, RulesetSnapshot after) {
        Map<String, RuleFile> old = byName(before);
        Map<String, RuleFile> now = byName(after);
        List<TableChange> tables = new ArrayList<>();
        List<DrlChange> drl = new ArrayList<>();
        for (String name : union(old.keySet(), now.keySet())) {
            RuleFile a = old.get(name);
            RuleFile b = now.get(name);
            if (a != null && b != null && a.sha256().equals(b.sha256())) {
                continue;
            }
            RuleFile.Kind kind = (a != null ? a : b).kind();
            if (kind == RuleFile.Kind.XLSX) {
                tables.addAll(tableChanges(name, a, b));
            } else {
                drl.add(new DrlChange(name, a == null ? Change.ADDED : b == null ? Change.REMOVED : Change.CHANGED,
                        unified(name, a, b)));
            }
        }
        List<FileChange> scenarios = new ArrayList<>();
        Map<String, byte[]> oldScenarios = before.scenarios().files();
        Map<String, byte[]> newScenarios = after.scenarios().files();
        for (String path : union(oldScenarios.keySet(), newScenarios.keySet())) {
            byte[] a = oldScenarios.get(path);
            byte[] b = newScenarios.get(path);
            if (a == null || b == null || !Arrays.equals(a, b)) {
                scenarios.add(new FileChange(path, a == null ? Change.ADDED : b == null ? Change.REMOVED : Change.CHANGED));
            }
        }
        return new VersionDiff(from, to, tables, drl, scenarios);
    }

    private static List<TableChange> tableChanges(String file, RuleFile before, RuleFile after) {
        Map<String, DecisionTable> old = tables(file, before);
        Map<String, DecisionTable> now = tables(file, after);
        List<TableChange> changes = new ArrayList<>();
        for (String sheet : union(old.keySet(), now.keySet())) {
            DecisionTable a = old.get(sheet);
            DecisionTable b = now.get(sheet);
            List<RowChange> rows = rows(a, b);
            if (a == null || b == null || !rows.isEmpty()) {
                changes.add(new TableChange(file, sheet, a == null ? Change.ADDED : b == null ? Change.REMOVED
                        : Change.CHANGED, rows));
            }
        }
        return changes;
    }

    private static List<RowChange> rows(DecisionTable before, DecisionTable after) {
        Map<String, DecisionTable.RuleRow> old = rowsByName(before);
        Map<String, DecisionTable.RuleRow> now = rowsByName(after);
        List<RowChange> changes = new ArrayList<>();
        for (Map.Entry<String, DecisionTable.RuleRow> row : old.entrySet()) {
            if (!now.containsKey(row.getKey())) {
                changes.add(new RowChange(row.getKey(), row.getValue().number(), null, Change.REMOVED, List.of()));
            }
        }
        for (Map.Entry<String, DecisionTable.RuleRow> row : now.entrySet()) {
            DecisionTable.RuleRow was = old.get(row.getKey());
            if (was == null) {
                changes.add(new RowChange(row.getKey(), null, row.getValue().number(), Change.ADDED,
                        cells(after, null, after, row.getValue())));
                continue;
            }
            List<CellChange> cells = cells(before, was, after, row.getValue());
            if (!cells.isEmpty()) {
                changes.add(new RowChange(row.getKey(), was.number(), row.getValue().number(), Change.CHANGED, cells));
            } else if (was.number() != row.getValue().number()) {
                changes.add(new RowChange(row.getKey(), was.number(), row.getValue().number(), Change.MOVED, List.of()));
            }
        }
        return changes;
    }

    /** The cells of a row that differ, by column title; for an added row ({@code was} null), its non-blank cells. */
    private static List<CellChange> cells(DecisionTable before, DecisionTable.RuleRow was, DecisionTable after,
                                          DecisionTable.RuleRow now) {
        Map<String, TableCell> old = new LinkedHashMap<>();
        if (was != null) {
            before.columns().forEach(c -> old.put(c.label(), was.cell(c)));
        }
        List<CellChange> changes = new ArrayList<>();
        for (DecisionTable.Column column : after.columns()) {
            TableCell cell = now.cell(column);
            TableCell previous = old.remove(column.label());
            String a = previous == null ? "" : previous.text();
            if (!Objects.equals(a, cell.text())) {
                changes.add(new CellChange(column.label(), previous == null ? null : previous.ref(), cell.ref(), a, cell.text()));
            }
        }
        old.forEach((title, cell) -> {
            if (!cell.isBlank()) {
                changes.add(new CellChange(title, cell.ref(), null, cell.text(), ""));
            }
        });
        return changes;
    }

    private static Map<String, DecisionTable.RuleRow> rowsByName(DecisionTable table) {
        Map<String, DecisionTable.RuleRow> rows = new LinkedHashMap<>();
        if (table != null) {
            for (DecisionTable.RuleRow row : table.rows()) {
                String name = row.cells().get(0).text().trim();
                rows.put(name.isEmpty() || rows.containsKey(name) ? "row " + row.number() : name, row);
            }
        }
        return rows;
    }

    private static Map<String, DecisionTable> tables(String file, RuleFile workbook) {
        Map<String, DecisionTable> tables = new TreeMap<>();
        if (workbook != null) {
            for (DecisionTable table : WorkbookReader.read(file, workbook.content()).tables()) {
                tables.put(table.sheet() + (tables.containsKey(table.sheet()) ? " @" + table.headerRow() : ""), table);
            }
        }
        return tables;
    }

    private static List<String> unified(String name, RuleFile before, RuleFile after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        return UnifiedDiffUtils.generateUnifiedDiff(name, name, a, DiffUtils.diff(a, b), 2);
    }

    private static List<String> lines(RuleFile file) {
        return file == null ? List.of() : Arrays.asList(new String(file.content(), StandardCharsets.UTF_8).split("\n", -1));
    }

    private static Map<String, RuleFile> byName(RulesetSnapshot snapshot) {
        Map<String, RuleFile> files = new TreeMap<>();
        snapshot.files().files().forEach(f -> files.put(f.name(), f));
        return files;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
