package dev.coupondecision.ruleset.lint;

import dev.coupondecision.decision.facts.Tier;
import dev.coupondecision.decision.facts.TimeWindow;
import dev.coupondecision.ruleset.guard.FactsApi;
import dev.coupondecision.ruleset.table.DecisionTable;
import dev.coupondecision.ruleset.table.TableCell;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks what an analyst typed in a rule row against the code template of its column: values that land
 * outside quotes must be numbers or known enum constants (so a cell cannot smuggle in code), quoted values
 * must not break out of their quotes, and known fields get their business ranges.
 */
final class CellValueCheck {
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern ENUM_PLACEHOLDER = Pattern.compile("(\\w+)\\.\\$(param|\\d)");
    private static final Pattern FORALL_BODY = Pattern.compile("forall\\([^)]*\\)\\s*\\{(.*)\\}", Pattern.DOTALL);
    private static final Pattern FORALL_ITEM = Pattern.compile("\\$(?![\\w$])");
    private static final Pattern FORALL_ENUM = Pattern.compile("(\\w+)\\.\\$(?![\\w$])");
    private static final Pattern NUMBERED_PLACEHOLDER = Pattern.compile("\\$(\\d)");
    private static final Pattern SMART_QUOTES = Pattern.compile("[\u2018\u2019\u201C\u201D]");
    private static final Map<String, Range> RANGES = Map.ofEntries(
            Map.entry("setAmountOff(", new Range(BigDecimal.ZERO, null, false, "an amount >= 0")),
            Map.entry("setMinSpend(", new Range(BigDecimal.ZERO, null, false, "an amount >= 0")),
            Map.entry("setPercentOff(", new Range(BigDecimal.ZERO, BigDecimal.valueOf(100), false, "a percentage from 0 to 100, typed as 15 for 15%")),
            Map.entry("setValidHours(", new Range(BigDecimal.ONE, null, true, "a whole number of hours > 0")),
            Map.entry("setFrequencyCapMax(", new Range(BigDecimal.ZERO, null, true, "a whole number of messages >= 0")),
            Map.entry("setFrequencyCapPeriodDays(", new Range(BigDecimal.ONE, null, true, "a whole number of days >= 1")),
            Map.entry("orderCount", new Range(BigDecimal.ZERO, null, true, "a whole number >= 0")),
            Map.entry("ordersLast90Days", new Range(BigDecimal.ZERO, null, true, "a whole number >= 0")),
            Map.entry("recencyDays", new Range(BigDecimal.ZERO, null, true, "a whole number of days >= 0")),
            Map.entry("intentDays", new Range(BigDecimal.ZERO, null, true, "a whole number of days >= 0")),
            Map.entry("birthdayInDays", new Range(BigDecimal.ZERO, null, true, "a whole number of days >= 0")),
            Map.entry("spendLast365Days", new Range(BigDecimal.ZERO, null, false, "an amount >= 0")));

    record Range(BigDecimal min, BigDecimal max, boolean whole, String expected) {
        boolean contains(BigDecimal value) {
            return (min == null || value.compareTo(min) >= 0) && (max == null || value.compareTo(max) <= 0)
                    && (!whole || value.stripTrailingZeros().scale() <= 0);
        }
    }

    private final LocalTime quietFrom;
    private final LocalTime quietUntil;

    CellValueCheck(LocalTime quietFrom, LocalTime quietUntil) {
        this.quietFrom = quietFrom;
        this.quietUntil = quietUntil;
    }

    void check(DecisionTable.Column column, TableCell cell, Findings findings) {
        if (cell.isBlank()) {
            return;
        }
        if (SMART_QUOTES.matcher(cell.text()).find()) {
            findings.error(cell, "'" + cell.text() + "' contains smart quotes; type plain \" or ' (turn off AutoCorrect's smart quotes)");
            return;
        }
        String template = column.template();
        if (template.contains("forall(")) {
            forallItems(template, cell, findings);
        } else if (template.contains("$1")) {
            String[] params = cell.text().split(",", -1);
            int expected = highestPlaceholder(template);
            if (params.length != expected) {
                findings.error(cell, "'" + cell.text() + "' has " + params.length + (params.length == 1 ? " part" : " parts")
                        + " but this column takes " + expected + ", separated by commas"
                        + (column.title() == null || column.title().isBlank() ? "" : " (" + column.title().text() + ")"));
                return;
            }
            for (int i = 0; i < params.length; i++) {
                placeholder(column, cell, "$" + (i + 1), params[i], findings);
            }
            if (template.contains("bucketOf(")) {
                bucketRange(cell, params, findings);
            } else if (template.contains("HoldoutGroup(")) {
                holdoutPercent(cell, params[1], findings);
            }
        } else {
            placeholder(column, cell, "$param", cell.text(), findings);
        }
    }

    private void placeholder(DecisionTable.Column column, TableCell cell, String placeholder, String value,
                             Findings findings) {
        String template = column.template();
        if (onlyInQuotes(template, placeholder)) {
            quoted(cell, value, findings);
            if (template.contains("setWindows(")) {
                windows(cell, value, findings);
            } else if (template.contains("onOrAfter(") || template.contains("before(")) {
                date(cell, value, findings);
            }
            return;
        }
        Optional<Class<?>> enumType = enumTypeBefore(template, placeholder);
        if (enumType.isPresent()) {
            enumConstant(cell, value, enumType.get(), findings);
            return;
        }
        if (!NUMBER.matcher(value.trim()).matches()) {
            findings.error(cell, "'" + value + "' is not a number; expected " + rangeFor(template).map(Range::expected).orElse("a number"));
            return;
        }
        if (cell.kind() == TableCell.Kind.TEXT && placeholder.equals("$param")) {
            findings.error(cell, "'" + value.trim() + "' is a number stored as text; enter it as a number");
            return;
        }
        BigDecimal number = new BigDecimal(value.trim());
        Optional<Range> range = rangeFor(template);
        if (template.contains("setPercentOff(") && cell.percentFormatted()) {
            findings.error(cell, "percent-formatted cell reads as " + number.toPlainString()
                    + "; type the percentage as a plain number (15 for 15%)");
        } else if (range.isPresent() && !range.get().contains(number)) {
            findings.error(cell, number.toPlainString() + " is out of range; expected " + range.get().expected());
        }
    }

    /** The highest numbered placeholder ($1, $2, ...) of a template. */
    private static int highestPlaceholder(String template) {
        Matcher numbered = NUMBERED_PLACEHOLDER.matcher(template);
        int highest = 0;
        while (numbered.find()) {
            highest = Math.max(highest, Integer.parseInt(numbered.group(1)));
        }
        return highest;
    }

    /**
     * Whether every use of the placeholder in the template is a whole quoted string ({@code "$param"}). A
     * template that also uses it outside quotes pastes the value in as code there, so the value must then
     * pass the number or enum check as well.
     */
    private static boolean onlyInQuotes(String template, String placeholder) {
        int uses = occurrences(template, placeholder);
        return uses > 0 && occurrences(template, "\"" + placeholder + "\"") == uses;
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }

    /**
     * Items of a {@code forall(sep){... $ ...}} column: quoted items when the template quotes {@code "$"},
     * otherwise enum constants ({@code Tier.$}) or numbers, since Drools pastes each item in as it is.
     */
    private static void forallItems(String template, TableCell cell, Findings findings) {
        Matcher body = FORALL_BODY.matcher(template);
        String inner = body.find() ? body.group(1) : template;
        long items = FORALL_ITEM.matcher(inner).results().count();
        boolean quotedItems = items > 0 && items == occurrences(inner, "\"$\"");
        Matcher enumItem = FORALL_ENUM.matcher(inner);
        Optional<Class<?>> enumType = enumItem.find() ? enumType(enumItem.group(1)) : Optional.empty();
        for (String item : cell.text().split(",")) {
            String value = item.trim();
            if (quotedItems) {
                quoted(cell, value, findings);
            } else if (enumType.isPresent()) {
                enumConstant(cell, value, enumType.get(), findings);
            } else if (!NUMBER.matcher(value).matches()) {
                findings.error(cell, "'" + value + "' is not a number; each item of this column is a number");
            }
        }
    }

    /** The range of a single-value number column. */
    static Optional<Range> rangeOf(String template) {
        return rangeFor(template);
    }

    /** The enumeration of a single-value ({@code $param}) column. */
    static Optional<Class<?>> enumTypeOf(String template) {
        return enumTypeBefore(template, "$param");
    }

    private static Optional<Range> rangeFor(String template) {
        return RANGES.entrySet().stream().filter(e -> template.contains(e.getKey())).map(Map.Entry::getValue).findFirst();
    }

    private static Optional<Class<?>> enumTypeBefore(String template, String placeholder) {
        Matcher matcher = ENUM_PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            if (("$" + matcher.group(2)).equals(placeholder)) {
                return enumType(matcher.group(1));
            }
        }
        return Optional.empty();
    }

    private static Optional<Class<?>> enumType(String typeName) {
        return FactsApi.TYPES.stream().filter(t -> t.isEnum() && t.getSimpleName().equals(typeName))
                .<Class<?>>map(t -> t).findFirst();
    }

    private static void enumConstant(TableCell cell, String value, Class<?> type, Findings findings) {
        List<String> names = Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
        String label = type.getSimpleName();
        if (!value.equals(value.trim()) && names.contains(value.trim())) {
            findings.error(cell, "'" + value + "' has leading or trailing spaces; expected exactly " + value.trim());
        } else if (!names.contains(value)) {
            String known = String.join(", ", names);
            Optional<String> suggestion = DidYouMean.closest(value, names);
            if (suggestion.isPresent()) {
                findings.error(cell, "'" + value + "' is not a known " + label + ": did you mean " + suggestion.get()
                        + "? (expected one of " + known + ")");
            } else if (type == Tier.class) {
                findings.error(cell, "'" + value + "' is not a known Tier; expected one of " + known + ". The tiers"
                        + " are fixed by the service (each has its rows in every table and its handling in the code):"
                        + " to add a tier, ask a developer");
            } else {
                findings.error(cell, "'" + value + "' is not a known " + label + "; expected one of " + known);
            }
        }
    }

    private static void quoted(TableCell cell, String value, Findings findings) {
        if (value.contains("\"") || value.contains("\\") || value.contains("\n")) {
            findings.error(cell, "'" + value + "' must not contain quotes, backslashes or line breaks");
        }
    }

    private static void holdoutPercent(TableCell cell, String percent, Findings findings) {
        if (!percent.trim().matches("\\d{1,3}") || Integer.parseInt(percent.trim()) > 100) {
            findings.error(cell, "percent held out '" + percent.trim() + "' must be a whole number from 0 to 100"
                    + " (e.g. holdout-demo, 10 for 10%)");
        }
    }

    private static void bucketRange(TableCell cell, String[] params, Findings findings) {
        if (params.length != 3) {
            findings.error(cell, "'" + cell.text() + "' must be: experiment, bucket from, bucket to (e.g. churned-offer, 0, 49)");
            return;
        }
        try {
            int from = Integer.parseInt(params[1].trim());
            int to = Integer.parseInt(params[2].trim());
            if (from < 0 || to > 99 || from > to) {
                findings.error(cell, "bucket range " + from + "-" + to + " is invalid; expected 0 <= from <= to <= 99");
            }
        } catch (NumberFormatException e) {
            findings.error(cell, "bucket bounds in '" + cell.text() + "' must be whole numbers from 0 to 99");
        }
    }

    private void windows(TableCell cell, String value, Findings findings) {
        List<TimeWindow> windows;
        try {
            windows = TimeWindow.parseList(value);
        } catch (IllegalArgumentException e) {
            findings.error(cell, e.getMessage() + "; expected windows like 11:30-13:00, 17:00-19:00 with each end after its start");
            return;
        }
        for (TimeWindow window : windows) {
            if (inQuietHours(window)) {
                findings.error(cell, "window " + window + " falls in quiet hours " + quietFrom + "-" + quietUntil
                        + "; messages must not be sent then");
            }
        }
    }

    private boolean inQuietHours(TimeWindow window) {
        if (quietFrom.isAfter(quietUntil)) {
            return window.start().isBefore(quietUntil) || window.end().isAfter(quietFrom);
        }
        return window.start().isBefore(quietUntil) && window.end().isAfter(quietFrom);
    }

    private static void date(TableCell cell, String value, Findings findings) {
        try {
            LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            findings.error(cell, "'" + value + "' is not a date; expected an ISO date such as 2026-12-01");
        }
    }
}
