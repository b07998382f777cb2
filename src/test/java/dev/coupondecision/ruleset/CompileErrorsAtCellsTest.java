package dev.coupondecision.ruleset;

import dev.coupondecision.activation.RulesetCheck;
import dev.coupondecision.ruleset.lint.RulesetLinter;
import dev.coupondecision.ruleset.table.WorkbookLimits;
import dev.coupondecision.tables.RulesetCopy;
import dev.coupondecision.tables.TableEdit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Edits that pass lint but that Drools rejects: the finding must point at the spreadsheet cell (or DRL line and
 * column) the analyst or developer wrote, not only at the DRL Drools generated from the sheet.
 */
class CompileErrorsAtCellsTest {
    private static final RulesetLinter LINTER = new RulesetLinter(LocalTime.of(22, 0), LocalTime.of(8, 0), WorkbookLimits.DEFAULT);

    @TempDir
    Path dir;
    RulesetCopy copy;

    @BeforeEach
    void copyShippedFiles() {
        copy = RulesetCopy.of(dir);
    }

    @Test
    void shouldReportTemplateTypeMismatchAtTheCellOfItsColumnInEveryRow() {
        // The developer quotes the valid-hours placeholder: lint sees only allowed names; Java sees a String
        // passed to setValidHours(Integer) in each rule that sets valid hours (rows 12 to 21).
        TableEdit.edit(copy.table("coupons.xlsx"), t -> t.set("J10", "$d.setValidHours(\"$param\");"));
        assertThat(LINTER.lint(copy.files())).isEmpty();

        RulesetCheck check = copy.check();

        assertThat(check.accepted()).isFalse();
        assertThat(check.findings()).extracting(Finding::location).containsExactlyInAnyOrder(
                cells("coupons.xlsx › Coupons › J", 12, 13, 14, 15, 16, 17, 18, 19, 20, 21));
        assertThat(check.findings()).allSatisfy(finding -> {
            assertThat(finding.message()).matches("column 'Valid hours', row \\d+: the column's rule code needs a whole"
                    + " number but gets text; this is a mistake in the developer rows of the column, not in the value:"
                    + " ask a developer");
            assertThat(finding.detail()).startsWith("Rule Compilation error The method setValidHours(Integer) in the"
                    + " type Decision is not applicable for the arguments (String)");
        });
        assertThat(check.findings()).filteredOn(f -> f.cell().equals("J19")).singleElement()
                .satisfies(f -> assertThat(f.detail()).endsWith("(generated: rule \"Dormant\")"));
    }

    @Test
    void shouldReportAVariableTheRowDoesNotBindAtTheTemplateCell() {
        // $c is bound only in rows that test a Customer column (12, 20, 21); elsewhere it does not exist.
        TableEdit.edit(copy.table("coupons.xlsx"), t -> t.set("G10", "$c.setAmountOff($param);"));
        assertThat(LINTER.lint(copy.files())).isEmpty();

        assertThat(compileErrors()).extracting(Finding::location, Finding::message).containsExactly(tuple(
                "coupons.xlsx › Coupons › G10",
                "rule code refused: '$c' is neither a variable of this rule nor a type or property of the decision facts"));
    }

    @Test
    void shouldReportDuplicateRuleNameAtTheNameCell() {
        TableEdit.edit(copy.table("coupons.xlsx"), t -> t.set("A13", "High value near birthday"));
        assertThat(LINTER.lint(copy.files())).isEmpty();

        assertThat(compileErrors()).extracting(Finding::location, Finding::message, Finding::detail).containsExactly(tuple(
                "coupons.xlsx › Coupons › A13",
                "column 'Rule', row 13: another row already has the name 'High value near birthday'; give each row its own name",
                "Duplicate rule name: High value near birthday (generated: rule \"High value near birthday\")"));
    }

    @Test
    void shouldReportUnknownPropertyInAConditionTemplateAtItsTemplateCell() {
        // Customer has no totalSpend: the guard refuses the name in every generated condition, at the template.
        TableEdit.edit(copy.table("tiers.xlsx"), t -> t.set("G10", "spendLast365Days >= $param && totalSpend >= 0"));

        assertThat(compileErrors()).extracting(Finding::location, Finding::message).containsExactly(tuple(
                "tiers.xlsx › Tiers › G10", "rule code refused: 'totalSpend' is neither a variable of this rule nor"
                        + " a type or property of the decision facts (in 'totalSpend')"));
    }

    @Test
    void shouldReportMisspelledImportAtTheImportCell() {
        TableEdit.edit(copy.table("coupons.xlsx"), t -> t.set("B2", "dev.coupondecision.decision.facts.*, dev.coupondecision.decision.facts.Custmer"));

        assertThat(LINTER.lint(copy.files())).extracting(Finding::location, Finding::message).containsExactly(tuple(
                "coupons.xlsx › Coupons › B2", "import 'dev.coupondecision.decision.facts.Custmer' is outside the"
                        + " decision facts; only dev.coupondecision.decision.facts.* may be imported"));
    }

    @Test
    void shouldReportDrlSyntaxErrorWithFileLineAndColumn() throws IOException {
        // Line 20 of eligibility.drl loses its closing parenthesis: the parser stops at "$d" on line 21, column 5
        // (columns count from 1, as editors show them).
        Path drl = copy.drl("eligibility.drl");
        List<String> lines = Files.readAllLines(drl);
        assertThat(lines.get(19)).isEqualTo("    Customer(smsConsent == false)");
        lines.set(19, "    Customer(smsConsent == false");
        Files.write(drl, lines);

        List<Finding> findings = compileErrors();

        assertThat(findings).first().satisfies(finding -> {
            assertThat(finding.file()).isEqualTo("eligibility.drl");
            assertThat(finding.message()).contains("mismatched input '$d'");
            assertThat(finding.location()).isEqualTo("eligibility.drl:21:5");
        });
    }

    private List<Finding> compileErrors() {
        RulesetException error = catchThrowableOfType(RulesetException.class,
                () -> new RulesetCompiler(Clock.systemUTC(), WorkbookLimits.DEFAULT).compile(copy.files()));
        assertThat(error).as("Drools rejects the edit").isNotNull();
        return error.findings();
    }

    private static String[] cells(String prefix, int... rows) {
        return java.util.Arrays.stream(rows).mapToObj(row -> prefix + row).toArray(String[]::new);
    }
}
