package dev.coupondecision.cli;

import dev.coupondecision.tables.TableEdit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The analysts' command line, run in-process: exit codes, findings with cells, impact, and {@code show}. */
class RulesToolTest {
    private static final Path TABLES = Path.of("decision-tables");

    @TempDir
    Path dir;

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = RulesTool.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A copy of decision-tables/ with one cell of one table changed. */
    private Path editedTables(String table, String rule, String title, Object value) throws IOException {
        Path copy = Files.createDirectories(dir.resolve("tables"));
        try (Stream<Path> files = Files.list(TABLES)) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        Files.write(copy.resolve(table), TableEdit.setCell(TABLES.resolve(table), rule, title, value));
        return copy;
    }

    /**
     * A copy of scenarios/ without the files that mention any of {@code words}: what an analyst's updated
     * scenarios look like once the cases pinning the edited rows were changed.
     */
    private Path scenariosWithout(String... words) throws IOException {
        Path source = Path.of("scenarios");
        Path copy = Files.createDirectories(dir.resolve("scenarios"));
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                String text = Files.readString(file);
                if (Stream.of(words).noneMatch(text::contains)) {
                    Path target = copy.resolve(source.relativize(file).toString());
                    Files.createDirectories(target.getParent());
                    Files.writeString(target, text);
                }
            }
        }
        return copy;
    }

    @Test
    void theShippedRulesAreAccepted() {
        Run run = run("validate");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).startsWith("Ruleset ").contains(": ACCEPTED", "Findings: 0 errors", "Impact: not computed")
                .containsPattern("Scenarios: (\\d+) of \\1 passed");
    }

    @Test
    void anEditedAmountIsAcceptedAndShowsItsImpactAgainstTheOldTables() throws IOException {
        Path tables = editedTables("coupons.xlsx", "Dormant", "Amount off", 35);
        Run run = run("validate", "--tables", tables.toString(), "--scenarios", scenariosWithout("DORMANT").toString(),
                "--against-tables", TABLES.toString(), "--size", "3000");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("Compared with ", "coupons.xlsx (changed)",
                "Decided: 3000", "Changed (tier, coupon type or eligibility): 0", "Tier changes: none",
                "DORMANT NO_THRESHOLD amountOff 30 -> 35: ", "Tier matrix (rows: baseline, columns: candidate):");
    }

    @Test
    void aMovedThresholdShowsTheTierTransitionsWithExamples() throws IOException {
        Path tables = editedTables("tiers.xlsx", "Churned: no purchase for over 180 days", "Last purchase over days ago", 150);
        Run run = run("validate", "--tables", tables.toString(), "--scenarios", scenariosWithout("DORMANT", "CHURNED").toString(),
                "--against-tables", TABLES.toString(), "--size", "3000");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).containsPattern("DORMANT -> CHURNED: \\d+ \\(e\\.g\\. syn-\\d{5}, syn-\\d{5}, syn-\\d{5}, syn-\\d{5}, syn-\\d{5}\\)");
    }

    @Test
    void aBrokenCellIsRejectedWithItsLocation() throws IOException {
        Path tables = editedTables("coupons.xlsx", "Dormant", "Amount off", "thirty");
        Run run = run("validate", "--tables", tables.toString(), "--against-tables", TABLES.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains(": REJECTED", "ERROR coupons.xlsx › Coupons › G19", "Impact: not decided");
    }

    @Test
    void aFailingScenarioIsRejectedWithExpectedAndActualButStillShowsTheImpact() throws IOException {
        Path tables = editedTables("tiers.xlsx", "High value: frequent and big spender", "Spend in last 365 days at least", 2500);
        Run run = run("validate", "--tables", tables.toString(), "--against-tables", TABLES.toString(), "--size", "3000");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains(": REJECTED", "FAILED tiers/high-value-birthday-in-7-days.json",
                "tier: expected \"HIGH_VALUE\" but was \"ACTIVE\"", "HIGH_VALUE -> ACTIVE: ");
    }

    @Test
    void printsTheReportAsJsonOnRequest() throws IOException {
        Path tables = editedTables("coupons.xlsx", "Dormant", "Amount off", 35);
        Run run = run("validate", "--tables", tables.toString(), "--scenarios", scenariosWithout("DORMANT").toString(),
                "--against-tables", TABLES.toString(), "--size", "1000", "--json");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("\"accepted\" : true", "\"couponTermChanges\" : [", "\"term\" : \"amountOff\"");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(run().exitCode()).isEqualTo(2);
        assertThat(run("frobnicate").exitCode()).isEqualTo(2);
        assertThat(run("validate", "--rules", dir.resolve("absent").toString()).exitCode()).isEqualTo(2);
        assertThat(run("validate", "--size").exitCode()).isEqualTo(2);
        assertThat(run("validate", "--size", "many").exitCode()).isEqualTo(2);
        assertThat(run("validate", "--colour").exitCode()).isEqualTo(2);
        assertThat(run("show").exitCode()).isEqualTo(2);
        Run absent = run("show", "nothing-here.xlsx");
        assertThat(absent.exitCode()).isEqualTo(2);
        assertThat(absent.err()).contains("nothing-here.xlsx is not a file", "Usage: rules show");
    }

    @Test
    void showPrintsRowsWithTheirNumbersAndTheGeneratedDrl() {
        Run run = run("show", "decision-tables/coupons.xlsx");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("=== Sheet Coupons", "A1  RuleSet: dev.coupondecision.tables.coupons",
                        "  G  ACTION  code \"$d.setAmountOff($param);\"  title \"Amount off\"",
                        "  row 19 | A Rule: Dormant | B Tier: DORMANT | F Coupon type: NO_THRESHOLD | G Amount off: 30"
                                + " | H Min spend: 0 | J Valid hours: 48\n",
                        "--- DRL generated from sheet Coupons",
                        "// rule values at A19, header at A7\nrule \"Dormant\"",
                        "$d.setAmountOff(30);")
                .doesNotContain("decision-tables/");
    }

    @Test
    void showOfAnEditedTableDiffersOnlyInTheEditedRowAndItsDrl() throws IOException {
        Path tables = editedTables("coupons.xlsx", "Dormant", "Amount off", 35);
        String before = run("show", "decision-tables/coupons.xlsx").out();
        String after = run("show", tables.resolve("coupons.xlsx").toString()).out();
        assertThat(after).isEqualTo(before.replace("G Amount off: 30 | H Min spend: 0 | J Valid hours: 48",
                "G Amount off: 35 | H Min spend: 0 | J Valid hours: 48").replace(
                "rule \"Dormant\"\n\tsalience 65528\n\twhen\n\t\t$d : Decision(tier == Tier.DORMANT)\n\tthen\n"
                        + "\t\tmodify($d) { setCouponType(CouponType.NO_THRESHOLD) }\n\t\t$d.setAmountOff(30);",
                "rule \"Dormant\"\n\tsalience 65528\n\twhen\n\t\t$d : Decision(tier == Tier.DORMANT)\n\tthen\n"
                        + "\t\tmodify($d) { setCouponType(CouponType.NO_THRESHOLD) }\n\t\t$d.setAmountOff(35);"));
        assertThat(after).isNotEqualTo(before);
    }
}
