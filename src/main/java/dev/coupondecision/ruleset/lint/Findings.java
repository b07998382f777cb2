package dev.coupondecision.ruleset.lint;

import dev.coupondecision.ruleset.Finding;
import dev.coupondecision.ruleset.table.DecisionTable;
import dev.coupondecision.ruleset.table.TableCell;

import java.util.ArrayList;
import java.util.List;

/** Collects the findings of one table, each located at a cell of it. */
final class Findings {
    private final DecisionTable table;
    private final List<Finding> list = new ArrayList<>();

    Findings(DecisionTable table) {
        this.table = table;
    }

    void error(TableCell cell, String message) {
        list.add(Finding.inCell(Finding.Severity.ERROR, table.file(), table.sheet(), cell.ref(), message));
    }

    void warning(TableCell cell, String message) {
        list.add(Finding.inCell(Finding.Severity.WARNING, table.file(), table.sheet(), cell.ref(), message));
    }

    /** Whether an error was already found at this cell (later checks then stay quiet about it). */
    boolean hasErrorAt(TableCell cell) {
        return list.stream().anyMatch(f -> f.severity() == Finding.Severity.ERROR && cell.ref().equals(f.cell()));
    }

    List<Finding> list() {
        return list;
    }
}
