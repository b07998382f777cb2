package dev.coupondecision.ruleset.lint;

import dev.coupondecision.activation.RulesetCheck;
import dev.coupondecision.decision.facts.CouponType;
import dev.coupondecision.decision.facts.DayType;
import dev.coupondecision.decision.facts.Tier;
import dev.coupondecision.ruleset.Finding;
import dev.coupondecision.ruleset.table.WorkbookLimits;
import dev.coupondecision.tables.RulesetCopy;
import dev.coupondecision.tables.TableEdit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The linter as an analyst meets it: each test starts from a copy of the real shipped spreadsheets, changes one
 * thing the way an analyst would in Excel (a typo, a wrong number, a deleted row), saves, and checks that the
 * finding names the file, sheet and cell, with a message that says what to type instead.
 */
class RulesetLinterTest {
    static final RulesetLinter LINTER = new RulesetLinter(LocalTime.of(22, 0), LocalTime.of(8, 0), WorkbookLimits.DEFAULT);
    private static final String WINDOW_HINT = "; expected windows like 11:30-13:00, 17:00-19:00 with each end after its start";

    @TempDir
    Path dir;
    RulesetCopy copy;

    @BeforeEach
    void copyShippedFiles() {
        copy = RulesetCopy.of(dir);
    }

    // ---------------------------------------------------------------- the shipped set

    @Test
    void shouldLintTheShippedTablesAndRulesClean() {
        assertThat(LINTER.lint(copy.files())).isEmpty();
    }

    // ---------------------------------------------------------------- enumerations

    @Test
    void shouldReportUnknownTierAtItsCell() {
        List<Finding> findings = lintAfter("coupons.xlsx", t -> t.set("B13", "HIGH_VALEU"));

        assertOnlyError(findings, "coupons.xlsx › Coupons › B13",
                "'HIGH_VALEU' is not a known Tier: did you mean HIGH_VALUE? (expected one of " + names(Tier.values()) + ")");
    }

    @Test
    void shouldSayATierNothingLikeAKnownOneIsForADeveloperToAdd() {
        List<Finding> findings = lintAfter("coupons.xlsx", t -> t.set("B13", "PLATINUM"));

        assertOnlyError(findings, "coupons.xlsx › Coupons › B13", "'PLATINUM' is not a known Tier; expected one of "
                + names(Tier.values()) + ". The tiers are fixed by the service (each has its rows in every table and"
                + " its handling in the code): to add a tier, ask a developer");
    }

    @Test
    void shouldSuggestTheValueOfAnotherCase() {
        List<Finding> findings = lintAfter("coupons.xlsx", t -> t.set("B19", "dormant"));

        assertThat(findings).extracting(Finding::location, Finding::message).contains(tuple("coupons.xlsx › Coupons › B19",
                "'dormant' is not a known Tier: did you mean DORMANT? (expected one of " + names(Tier.values()) + ")"));
    }

    @Test
    void shouldReportUnknownCouponTypeAtItsCell() {
        List<Finding> findings = lintAfter("coupons.xlsx", t -> t.set("F15", "SPEND_AND_SAV"));

        assertOnlyError(findings, "coupons.xlsx › Coupons › F15",
                "'SPEND_AND_SAV' is not a known CouponType: did you mean SPEND_AND_SAVE? (expected one of "
                        + names(CouponType.values()) + ")");
    }

    @Test
    void shouldReportUnknownDayTypeAtItsCell() {
        List<Finding> findings = lintAfter("send-windows.xlsx", t -> t.set("C12", "WEEKENDS"));

        assertOnlyError(findings, "send-windows.xlsx › SendWindows › C12",
                "'WEEKENDS' is not a known DayType: did you mean WEEKEND? (expected one of " + names(DayType.values()) + ")");
    }

    @Test
    void shouldReportTrailingSpaceInAnEnumValue() {
        List<Finding> findings = lintAfter("coupons.xlsx", t -> t.set("B13", "HIGH_VALUE "));

        assertOnlyError(findings, "coupons.xlsx › Coupons › B13",
                "'HIGH_VALUE ' has leading or trailing spaces; expected exactly HIGH_VALUE");
    }

    // ---------------------------------------------------------------- numbers and ranges

    @Test
    void shouldReportNegativeAmount() {
        List<Finding> findings = lintAfter("coupons.xlsx", t -> t.set("G15", -30));

        assertOnlyError(findings, "coupons.xlsx › Coupons › G15", "-30 is out of range; expected an amount >= 0");
    }

    @Test
    void shouldReportPercentAbove100() {
        List<Finding> findings = lintAfter("coupons.xlsx", t -> t.set("I13", 150));

        assertOnlyError(findings, "coupons.xlsx › Coupons › I13",
                "150 is out of range; expected a percentage from 0 to 100, typed as 15 for 15%");
    }

    @Test
    void shouldReportPercentTypedInAPercentFormattedCell() {
        List<Finding> findings = lintAfter("coupons.xlsx", t -> t.setPercent("I13", 0.15));

        assertOnlyError(findings, "coupons.xlsx › Coupons › I13",
                "percent-formatted cell reads as 0.15; type the percentage as a plain number (15 for 15%)");
    }

    @Test
    void shouldReportZeroValidHours() {
        List<Finding> findings = lintAfter("coupons.xlsx", t -> t.set("J13", 0));

        assertOnlyError(findings, "coupons.xlsx › Coupons › J13", "0 is out of range; expected a whole number of hours > 0");
    }

    @Test
    void shouldReportZeroPeriodDays() {
        List<Finding> findings = lintAfter("frequency-caps.xlsx", t -> t.set("D13", 0));

        assertOnlyError(findings, "frequency-caps.xlsx › FrequencyCaps › D13",
                "0 is out of range; expected a whole number of days >= 1");
    }

    @Test
    void shouldReportBucketRangeBeyond99() {
        List<Finding> findings = lintAfter("coupons.xlsx", t -> t.set("E20", "churned-offer, 40, 120"));

        assertOnlyError(findings, "coupons.xlsx › Coupons › E20",
                "bucket range 40-120 is invalid; expected 0 <= from <= to <= 99");
    }

    @Test
    void shouldReportBucketRangeWhoseFromIsAfterItsTo() {
        List<Finding> findings = lintAfter("coupons.xlsx", t -> t.set("E21", "churned-offer, 99, 50"));

        assertOnlyError(findings, "coupons.xlsx › Coupons › E21",
                "bucket range 99-50 is invalid; expected 0 <= from <= to <= 99");
    }

    @Test
    void shouldReportNumberStoredAsText() {
        List<Finding> findings = lintAfter("coupons.xlsx", t -> t.set("G15", "30"));

        assertOnlyError(findings, "coupons.xlsx › Coupons › G15", "'30' is a number stored as text; enter it as a number");
    }

    @Test
    void shouldReportSmartQuotes() {
        List<Finding> findings = lintAfter("coupons.xlsx", t -> t.set("K20", "churned-offer, \u201CA\u201D"));

        assertOnlyError(findings, "coupons.xlsx › Coupons › K20",
                "'churned-offer, \u201CA\u201D' contains smart quotes; type plain \" or ' (turn off AutoCorrect's smart quotes)");
    }

    @Test
    void shouldReportAVariantCellWithOnePartWhereTheColumnTakesTwo() {
        List<Finding> findings = lintAfter("coupons.xlsx", t -> t.set("K20", "A"));

        assertOnlyError(findings, "coupons.xlsx › Coupons › K20",
                "'A' has 1 part but this column takes 2, separated by commas (Experiment, variant)");
    }

    @Test
    void shouldReportAVariantOfAnotherExperimentThanItsBucket() {
        List<Finding> findings = lintAfter("coupons.xlsx", t -> t.set("K20", "winback-test, A"));

        assertOnlyError(findings, "coupons.xlsx › Coupons › K20",
                "experiment 'winback-test' differs from the bucket's experiment 'churned-offer' in E20");
    }

    // ---------------------------------------------------------------- send windows

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "25:00-26:00 | '25:00-26:00' is not a window of the form HH:MM-HH:MM",
            "13:00-11:00 | window end 11:00 is not after its start 13:00",
            "lunch       | 'lunch' is not a window of the form HH:MM-HH:MM"})
    void shouldReportMalformedWindowAtItsCell(String window, String problem) {
        List<Finding> findings = lintAfter("send-windows.xlsx", t -> t.set("D13", window));

        assertOnlyError(findings, "send-windows.xlsx › SendWindows › D13", problem + WINDOW_HINT);
    }

    @Test
    void shouldReportWindowInQuietHours() {
        List<Finding> findings = lintAfter("send-windows.xlsx", t -> t.set("D11", "21:30-22:30"));

        assertOnlyError(findings, "send-windows.xlsx › SendWindows › D11",
                "window 21:30-22:30 falls in quiet hours 22:00-08:00; messages must not be sent then");
    }

    @Test
    void shouldFollowTheConfiguredQuietHours() {
        // coupon.lint.quiet-hours-start/end = 21:00/09:00: the shipped high-value evening window 20:00-21:30 now ends in them.
        RulesetLinter earlyNight = new RulesetLinter(LocalTime.of(21, 0), LocalTime.of(9, 0), WorkbookLimits.DEFAULT);

        assertOnlyError(earlyNight.lint(copy.files()), "send-windows.xlsx › SendWindows › D11",
                "window 20:00-21:30 falls in quiet hours 21:00-09:00; messages must not be sent then");
    }

    // ---------------------------------------------------------------- completeness

    @Test
    void shouldReportTierWithoutCouponRowWhenItsRowIsDeleted() {
        List<Finding> findings = lintAfter("coupons.xlsx", t -> t.deleteRow(19));

        assertOnlyError(findings, "coupons.xlsx › Coupons › B11", "tier DORMANT has no coupon row");
    }

    @Test
    void shouldReportEveryTierLeftWithoutAWeekendWindow() {
        // The weekend row for "any tier" (blank) now applies to ACTIVE only; HIGH_VALUE keeps its own row.
        List<Finding> findings = lintAfter("send-windows.xlsx", t -> t.set("B14", "ACTIVE"));

        assertThat(errors(findings)).extracting(Finding::location, Finding::message).containsExactly(
                tuple("send-windows.xlsx › SendWindows › B10", "tier PROSPECT has no weekend send window row"),
                tuple("send-windows.xlsx › SendWindows › B10", "tier COLD_LEAD has no weekend send window row"),
                tuple("send-windows.xlsx › SendWindows › B10", "tier CHURNED has no weekend send window row"),
                tuple("send-windows.xlsx › SendWindows › B10", "tier DORMANT has no weekend send window row"),
                tuple("send-windows.xlsx › SendWindows › B10", "tier AT_RISK has no weekend send window row"),
                tuple("send-windows.xlsx › SendWindows › B10", "tier NEW has no weekend send window row"));
    }

    // ---------------------------------------------------------------- unreachable rows

    @Test
    void shouldRejectAShadowedRowAndSayHowToFixIt() {
        List<Finding> findings = lintAfter("coupons.xlsx", t -> t
                .set("A23", "Cold lead: second try").set("B23", "COLD_LEAD").set("F23", "NONE"));

        assertOnlyError(findings, "coupons.xlsx › Coupons › A23", "row 23 can never apply: row 22 above it matches"
                + " every customer it matches (the first matching row wins); move this row above row 22 or remove it");
        RulesetCheck check = copy.check();
        assertThat(check.accepted()).as(check.report()).isFalse();
        assertThat(check.findings()).containsExactlyElementsOf(findings);
    }

    // ---------------------------------------------------------------- table structure

    @Test
    void shouldRejectMisspelledColumnKindAtItsHeaderCell() {
        List<Finding> findings = lintAfter("coupons.xlsx", t -> t.set("C8", "CONDITON"));

        assertOnlyError(findings, "coupons.xlsx › Coupons › C8", "'CONDITON' is not a column kind this service allows; "
                + "expected one of ACTION, ACTIVATION-GROUP, AGENDA-GROUP, CONDITION, DESCRIPTION, LOCK-ON-ACTIVE, NAME, "
                + "NO-LOOP, PRIORITY, RULEFLOW-GROUP");
        assertThat(findings).as("no row analysis on a table whose columns are misread").hasSize(1);
    }

    @Test
    void shouldRejectDateEffectiveColumnAndPointToAsOfConditions() {
        List<Finding> findings = lintAfter("coupons.xlsx", t -> t
                .set("L8", "DATE-EFFECTIVE").set("L11", "Effective from").set("L12", "01-Dec-2026"));

        assertOnlyError(findings, "coupons.xlsx › Coupons › L8", "'DATE-EFFECTIVE' is not a column kind this service "
                + "allows; expected one of ACTION, ACTIVATION-GROUP, AGENDA-GROUP, CONDITION, DESCRIPTION, LOCK-ON-ACTIVE, "
                + "NAME, NO-LOOP, PRIORITY, RULEFLOW-GROUP (DATE-EFFECTIVE/DATE-EXPIRES follow the wall clock: use "
                + "'Effective from'/'Expires on' condition columns, which follow asOf)");
    }

    @Test
    void shouldReportEveryBrokenCellOfOneEditTogether() {
        List<Finding> findings = lintAfter("coupons.xlsx", t -> t.set("B13", "HIGH_VALEU").set("G15", -30).set("I13", 150));

        assertThat(errors(findings)).extracting(Finding::location).containsExactlyInAnyOrder(
                "coupons.xlsx › Coupons › B13", "coupons.xlsx › Coupons › G15", "coupons.xlsx › Coupons › I13");
    }

    // ---------------------------------------------------------------- helpers

    private List<Finding> lintAfter(String table, Consumer<TableEdit> edit) {
        TableEdit.edit(copy.table(table), edit);
        return LINTER.lint(copy.files());
    }

    static List<Finding> errors(List<Finding> findings) {
        return findings.stream().filter(f -> f.severity() == Finding.Severity.ERROR).toList();
    }

    static void assertOnlyError(List<Finding> findings, String location, String message) {
        assertThat(findings).extracting(Finding::severity, Finding::location, Finding::message)
                .containsExactly(tuple(Finding.Severity.ERROR, location, message));
    }

    private static String names(Enum<?>[] constants) {
        return Arrays.stream(constants).map(Enum::name).collect(Collectors.joining(", "));
    }
}
