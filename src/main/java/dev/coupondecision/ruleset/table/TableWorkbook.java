package dev.coupondecision.ruleset.table;

import java.util.List;
import java.util.Optional;

/**
 * A decision-table workbook as the service reads it, once: each sheet's normalised cells and the RuleTables
 * laid out in them. Lint, translation to DRL, the mapping of compile errors to cells and {@code rules show} all
 * read this model, so they can never disagree about where a table or a cell is.
 */
public record TableWorkbook(String file, List<Sheet> sheets) {

    /**
     * One worksheet: its cells, whether Drools reads it (it has a RuleSet cell) and the RuleTables found in it.
     */
    public record Sheet(SheetGrid grid, boolean ruleSheet, List<DecisionTable> tables) {
        public String name() {
            return grid.name();
        }
    }

    public TableWorkbook {
        sheets = List.copyOf(sheets);
    }

    /** The sheets Drools reads: those with a RuleSet cell. */
    public List<Sheet> ruleSheets() {
        return sheets.stream().filter(Sheet::ruleSheet).toList();
    }

    /** The RuleTables of the rule sheets. */
    public List<DecisionTable> tables() {
        return ruleSheets().stream().flatMap(s -> s.tables().stream()).toList();
    }

    public Optional<Sheet> sheet(String name) {
        return sheets.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
