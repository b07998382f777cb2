package dev.coupondecision.ruleset;

import dev.coupondecision.activation.RulesetCheck;
import dev.coupondecision.ruleset.lint.RulesetLinter;
import dev.coupondecision.tables.ShippedCopy;
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
    private static final RulesetLinter LINTER = new RulesetLinter(LocalTime.of(22, 0), LocalTime.of(8, 0));

    @TempDir
    Path dir;
    ShippedCopy copy;

    @BeforeEach
    void copyShippedFiles() {
        copy = ShippedCopy.of(dir);
    }

    @Test
    void shouldReportTemplateTypeMismatchAtTheCellOfItsColumnInEveryRow() {
        // The developer quotes the valid-hours placeholder: lint sees only allowed names; Java sees a String
        // passed to setValidHours(Integer) in each rule that sets valid hours (rows 12 to 21).
        TableEdit.edit(copy.table("coupons.xlsx"), t -> t.set("J10", "$d.setValidHours(\"$param\");"));
        assertThat(LINTER.lint(copy.files())).isEmpty();

        RulesetCheck check = copy.verifier().verify(copy.files());

        assertThat(check.accepted()).isFalse();
        assertThat(check.findings()).extracting(Finding::location).containsExactlyInAnyOrder(
                cells("coupons.xlsx › Coupons › J", 12, 13, 14, 15, 16, 17, 18, 19, 20, 21));
        assertThat(check.findings()).allSatisfy(finding -> assertThat(finding.message()).startsWith(
                "Rule Compilation error The method setValidHours(Integer) in the type Decision is not applicable "
                        + "for the arguments (String)"));
        assertThat(check.findings()).filteredOn(f -> f.cell().equals("J19")).singleElement()
                .satisfies(f -> assertThat(f.message()).endsWith("(generated: rule \"Dormant\")"));
    }

    @Test
    void shouldReportMethodOnTheWrongFactAtTheCellOfItsColumn() {
        // $c is bound only in rows that test a Customer column (12, 20, 21); elsewhere it does not exist.
        TableEdit.edit(copy.table("coupons.xlsx"), t -> t.set("G10", "$c.setAmountOff($param);"));
        assertThat(LINTER.lint(copy.files())).isEmpty();

        List<Finding> findings = compileErrors();

        assertThat(findings).extracting(Finding::location, Finding::message).contains(
                tuple("coupons.xlsx › Coupons › G12", "Rule Compilation error The method setAmountOff(int) is undefined "
                        + "for the type Customer (generated: rule \"High value near birthday\")"),
                tuple("coupons.xlsx › Coupons › G19", "Rule Compilation error $c cannot be resolved (generated: rule \"Dormant\")"));
        assertThat(findings).extracting(Finding::location).containsExactlyInAnyOrder(
                cells("coupons.xlsx › Coupons › G", 12, 15, 16, 17, 18, 19, 20, 21));
    }

    @Test
    void shouldReportDuplicateRuleNameAtTheNameCell() {
        TableEdit.edit(copy.table("coupons.xlsx"), t -> t.set("A13", "High value near birthday"));
        assertThat(LINTER.lint(copy.files())).isEmpty();

        assertThat(compileErrors()).extracting(Finding::location, Finding::message).containsExactly(tuple(
                "coupons.xlsx › Coupons › A13",
                "Duplicate rule name: High value near birthday (generated: rule \"High value near birthday\")"));
    }

    @Test
    void shouldReportUnknownPropertyInAConditionTemplateAtTheCellOfItsColumn() {
        // Compiled without lint: Customer has no totalSpend; Drools names the generated condition line of row 17.
        TableEdit.edit(copy.table("tiers.xlsx"), t -> t.set("G10", "spendLast365Days >= $param && totalSpend >= 0"));

        List<Finding> findings = compileErrors();

        assertThat(findings).isNotEmpty().allSatisfy(finding -> {
            assertThat(finding.file()).isEqualTo("tiers.xlsx");
            assertThat(finding.sheet()).isEqualTo("Tiers");
            assertThat(finding.cell()).isEqualTo("G17");
        });
        assertThat(findings).anySatisfy(f -> assertThat(f.message()).contains("totalSpend"));
    }

    @Test
    void shouldReportMisspelledImportAtTheImportCell() {
        // Lint accepts any class name in the facts package; Drools cannot find this one.
        TableEdit.edit(copy.table("coupons.xlsx"), t -> t.set("B2", "dev.coupondecision.decision.facts.*, dev.coupondecision.decision.facts.Custmer"));
        assertThat(LINTER.lint(copy.files())).isEmpty();

        List<Finding> findings = compileErrors();

        assertThat(findings).extracting(Finding::location, Finding::message).containsExactly(
                tuple("coupons.xlsx › Coupons › B2", "Error importing : 'dev.coupondecision.decision.facts.Custmer'"),
                tuple("coupons.xlsx › Coupons › B2", "Rule Compilation error Only a type can be imported. "
                        + "dev.coupondecision.decision.facts.Custmer resolves to a package"));
    }

    @Test
    void shouldReportDrlSyntaxErrorWithFileLineAndColumn() throws IOException {
        // Line 20 of eligibility.drl loses its closing parenthesis: the parser stops at "$d" on line 21, column 4.
        Path drl = copy.drl("eligibility.drl");
        List<String> lines = Files.readAllLines(drl);
        assertThat(lines.get(19)).isEqualTo("    Customer(smsConsent == false)");
        lines.set(19, "    Customer(smsConsent == false");
        Files.write(drl, lines);

        List<Finding> findings = compileErrors();

        assertThat(findings).first().satisfies(finding -> {
            assertThat(finding.file()).isEqualTo("eligibility.drl");
            assertThat(finding.message()).contains("mismatched input '$d'");
            assertThat(finding.location()).isEqualTo("eligibility.drl:21:4");
        });
    }

    private List<Finding> compileErrors() {
        RulesetException error = catchThrowableOfType(RulesetException.class,
                () -> new RulesetCompiler(Clock.systemUTC()).compile(copy.files()));
        assertThat(error).as("Drools rejects the edit").isNotNull();
        return error.findings();
    }

    private static String[] cells(String prefix, int... rows) {
        return java.util.Arrays.stream(rows).mapToObj(row -> prefix + row).toArray(String[]::new);
    }
}
