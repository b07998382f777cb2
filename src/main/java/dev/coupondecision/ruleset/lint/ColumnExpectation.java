package dev.coupondecision.ruleset.lint;

import dev.coupondecision.ruleset.table.DecisionTable;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What the linter accepts in a column's cells, for whoever lays the table out for people (dropdowns, validation,
 * the "How to edit" sheet): a choice from a list, a number in a range, or free text described in words. It is
 * derived from the same template rules the linter checks, so a workbook's dropdowns never allow what lint refuses.
 *
 * @param choices     the values of an enumeration column (empty otherwise)
 * @param min         the smallest number allowed (null when not a number column or unbounded)
 * @param max         the largest number allowed (null when unbounded)
 * @param whole       whole numbers only
 * @param description what goes in the cell, in words
 */
public record ColumnExpectation(List<String> choices, BigDecimal min, BigDecimal max, boolean whole,
                                String description) {

    public ColumnExpectation {
        choices = List.copyOf(choices);
    }

    public boolean isNumber() {
        return choices.isEmpty() && (min != null || max != null);
    }

    /** What a column's cells must hold, or empty for columns the linter does not constrain. */
    public static Optional<ColumnExpectation> of(DecisionTable.Column column) {
        String template = column.template();
        if (!column.isCondition() && !column.isAction()) {
            return Optional.empty();
        }
        if (template.contains("$1") || template.contains("forall(")) {
            return Optional.of(text("several values separated by commas, as the column title lists them"));
        }
        Optional<Class<?>> enumType = CellValueCheck.enumTypeOf(template);
        if (enumType.isPresent()) {
            List<String> names = Arrays.stream(enumType.get().getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
            return Optional.of(new ColumnExpectation(names, null, null, false, "one of " + String.join(", ", names)));
        }
        if (template.contains("setWindows(")) {
            return Optional.of(text("time windows like 11:30-13:00, 17:00-19:00, outside quiet hours"));
        }
        return CellValueCheck.rangeOf(template)
                .map(range -> new ColumnExpectation(List.of(), range.min(), range.max(), range.whole(), range.expected()));
    }

    private static ColumnExpectation text(String description) {
        return new ColumnExpectation(List.of(), null, null, false, description);
    }
}
