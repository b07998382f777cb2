package dev.coupondecision.cli;

import dev.coupondecision.ReferenceRuleset;
import dev.coupondecision.tables.RulesetCopy;
import dev.coupondecision.tables.TableEdit;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The analysts' command line, run in-process: exit codes, findings with cells, impact, and {@code show}. */
class RulesToolTest {
    private static final Path TABLES = ReferenceRuleset.TABLES;

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

    /** {@code rules validate} on the reference ruleset: its rules and scenarios unless the arguments name others. */
    private static Run validate(String... args) {
        List<String> all = new ArrayList<>(List.of("validate"));
        List<String> given = List.of(args);
        if (!given.contains("--rules")) {
            all.addAll(List.of("--rules", ReferenceRuleset.RULES.toString()));
        }
        if (!given.contains("--scenarios")) {
            all.addAll(List.of("--scenarios", ReferenceRuleset.SCENARIOS.toString()));
        }
        all.addAll(given);
        return run(all.toArray(String[]::new));
    }

    /** A copy of the reference decision tables with one cell of one table changed. */
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

    /** A working copy of the reference ruleset (rules, tables, scenarios) under the test's directory. */
    private RulesetCopy workingCopy() {
        return RulesetCopy.of(dir.resolve("work"));
    }

    private static Run validateCopy(RulesetCopy copy, String... args) {
        List<String> all = new ArrayList<>(List.of("validate", "--rules", copy.rules().toString(), "--tables",
                copy.tables().toString(), "--scenarios", copy.scenarios().toString()));
        all.addAll(List.of(args));
        return run(all.toArray(String[]::new));
    }

    @Test
    void theShippedRulesAreAccepted() {
        Run run = run("validate");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains(": ACCEPTED", "Findings: 0 errors").containsPattern("Scenarios: (\\d+) of \\1 passed");
    }

    @Test
    void anEditedAmountIsRejectedUntilTheScenariosAreUpdatedThenAccepted() throws IOException {
        RulesetCopy copy = workingCopy();
        TableEdit.edit(copy.table("coupons.xlsx"), t -> t.set("G19", 35));
        Path pinned = copy.scenarios().resolve("tiers/recency-91-days-is-dormant.json");
        String before = Files.readString(pinned);

        Run rejected = validateCopy(copy, "--against-tables", TABLES.toString(), "--size", "2000");
        assertThat(rejected.exitCode()).isEqualTo(1);
        assertThat(rejected.out()).contains("FAILED tiers/recency-91-days-is-dormant.json",
                "coupon.amountOff: expected 30 but was 35");

        Run updated = validateCopy(copy, "--update-scenarios", "--against-tables", TABLES.toString(), "--size", "3000");
        assertThat(updated.exitCode()).as(updated.out() + updated.err()).isZero();
        assertThat(updated.out()).contains("Updated 4 scenarios to expect what the rules now decide",
                pinned + " (Last purchase 91 days ago is dormant)", "    coupon.amountOff: 30 → 35", ": ACCEPTED",
                "Decided: 3000", "Changed (tier, coupon type or eligibility): 0", "DORMANT NO_THRESHOLD amountOff 30 -> 35: ",
                "Example customers:");
        assertThat(Files.readString(pinned)).as("only the changed value differs in the file")
                .isEqualTo(before.replace("\"amountOff\": 30,", "\"amountOff\": 35,"));

        Run again = validateCopy(copy, "--no-impact");
        assertThat(again.exitCode()).as(again.out()).isZero();
        assertThat(again.out()).contains(": ACCEPTED").doesNotContain("Updated");
    }

    @Test
    void aMovedThresholdShowsTheTierTransitionsWithTheProfilesOfTheExamples() throws IOException {
        RulesetCopy copy = workingCopy();
        TableEdit.edit(copy.table("tiers.xlsx"), t -> t.set("E14", 150));
        Run run = validateCopy(copy, "--update-scenarios", "--against-tables", TABLES.toString(), "--size", "3000");
        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).contains("tiers/recency-180-days-is-dormant.json", "tier: \"DORMANT\" → \"CHURNED\"")
                .containsPattern("DORMANT -> CHURNED: \\d+ \\(e\\.g\\. (syn-\\d{5})(, syn-\\d{5}){4}\\)")
                .containsPattern("    syn-\\d{5}: \\d+ orders \\(\\d+ in 90 days\\), spend [\\d.]+ in 365 days, last purchase 2026-0[4-6]-\\d\\d");
    }

    @Test
    void aScenarioWhoseRequestTheServiceRefusesIsNotUpdatedButNamed() throws IOException {
        RulesetCopy copy = workingCopy();
        Path broken = copy.scenarios().resolve("tiers/recency-91-days-is-dormant.json");
        Files.writeString(broken, Files.readString(broken).replace("\"orderCount\": 2", "\"orderCount\": -2"));
        Run run = validateCopy(copy, "--update-scenarios", "--no-impact");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("NOT UPDATED " + broken + ": the service refuses its request");
    }

    @Test
    void aBrokenCellIsRejectedWithItsLocation() throws IOException {
        RulesetCopy copy = workingCopy();
        TableEdit.edit(copy.table("coupons.xlsx"), t -> t.set("G19", "thirty"));
        Run run = validateCopy(copy, "--update-scenarios", "--against-tables", TABLES.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains(": REJECTED", "ERROR coupons.xlsx › Coupons › G19", "Impact: not decided")
                .doesNotContain("Updated");
    }

    @Test
    void aMisspeltTierGetsASuggestion() throws IOException {
        RulesetCopy copy = workingCopy();
        TableEdit.edit(copy.table("coupons.xlsx"), t -> t.set("B19", "DORMNAT"));
        Run run = validateCopy(copy, "--no-impact");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("ERROR coupons.xlsx › Coupons › B19: 'DORMNAT' is not a known Tier: did you mean DORMANT?");
    }

    @Test
    void aStrayCopyAndFilesTheServiceIgnoresAreNamedAsSuch() throws IOException {
        RulesetCopy copy = workingCopy();
        Files.copy(copy.table("coupons.xlsx"), copy.tables().resolve("coupons (1).xlsx"));
        Files.copy(copy.table("tiers.xlsx"), copy.tables().resolve("tiers.ods"));
        Files.writeString(copy.tables().resolve("~$coupons.xlsx"), "lock");
        Run run = validateCopy(copy, "--no-impact");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("ERROR coupons (1).xlsx: 'coupons (1).xlsx' looks like a second copy of coupons.xlsx",
                        "WARNING tiers.ods: the service reads only .xlsx workbooks",
                        "WARNING ~$coupons.xlsx: an Excel lock file (someone has coupons.xlsx open)")
                .contains("Findings: 1 errors, 2 warnings")
                .doesNotContain("Duplicate");
    }

    @Test
    void aFailingScenarioIsRejectedWithExpectedAndActualButStillShowsTheImpact() throws IOException {
        Path tables = editedTables("tiers.xlsx", "High value: frequent and big spender", "Spend in last 365 days at least", 2500);
        Run run = validate("--tables", tables.toString(), "--against-tables", TABLES.toString(), "--size", "3000");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains(": REJECTED", "FAILED tiers/high-value-birthday-in-7-days.json",
                "tier: expected \"HIGH_VALUE\" but was \"ACTIVE\"", "HIGH_VALUE -> ACTIVE: ");
    }

    @Test
    void printsTheReportAsJsonOnRequest() throws IOException {
        RulesetCopy copy = workingCopy();
        TableEdit.edit(copy.table("coupons.xlsx"), t -> t.set("G19", 35));
        Run run = validateCopy(copy, "--update-scenarios", "--against-tables", TABLES.toString(), "--size", "1000", "--json");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("\"accepted\" : true", "\"couponTermChanges\" : [", "\"term\" : \"amountOff\"",
                "\"exampleProfiles\" : {");
    }

    @Test
    void comparesWithTheLastCommitWhenTheRulesAreInAGitRepository() throws Exception {
        RulesetCopy copy = workingCopy();
        try (Git git = Git.init().setDirectory(copy.root().toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("Policy as shipped").setAuthor("Analyst", "analyst@example.com")
                    .setCommitter("Analyst", "analyst@example.com").setSign(false).call();
        }
        TableEdit.edit(copy.table("coupons.xlsx"), t -> t.set("G19", 35));
        Run run = validateCopy(copy, "--update-scenarios", "--size", "2000");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).containsPattern("Compared with the last commit \\([0-9a-f]{8} Policy as shipped\\)")
                .contains("coupons.xlsx (changed)", "DORMANT NO_THRESHOLD amountOff 30 -> 35: ");
    }

    @Test
    void scenarioNewRecordsWhatTheRulesDecideForAProfile() throws IOException {
        RulesetCopy copy = workingCopy();
        Path profile = dir.resolve("vip.json");
        Files.writeString(profile, """
                {"customerId": "vip-1", "asOf": "2026-11-18T12:00:00+08:00", "smsConsent": true, "orderCount": 9,
                 "ordersLast90Days": 4, "spendLast365Days": 4200, "lastPurchaseDate": "2026-11-10", "birthday": "11-20"}
                """);
        Run run = run("scenario", "new", "vip-near-birthday", "--folder", "coupons", "--from", profile.toString(),
                "--rules", copy.rules().toString(), "--tables", copy.tables().toString(), "--scenarios", copy.scenarios().toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        Path written = copy.scenarios().resolve("coupons/vip-near-birthday.json");
        assertThat(run.out()).contains("Wrote " + written, "\"tier\": \"HIGH_VALUE\"", "coupons.xlsx › Coupons › row 12");
        assertThat(Files.readString(written)).startsWith("{\n  \"name\": \"Vip near birthday\",\n  \"request\": {\n")
                .contains("\"coupon\": {\"type\": \"BIRTHDAY\", \"amountOff\": 50,");
        assertThat(validateCopy(copy, "--no-impact").exitCode()).isZero();

        Run twice = run("scenario", "new", "vip-near-birthday", "--folder", "coupons", "--from", profile.toString(),
                "--scenarios", copy.scenarios().toString(), "--rules", copy.rules().toString(), "--tables", copy.tables().toString());
        assertThat(twice.exitCode()).isEqualTo(1);
        assertThat(twice.err()).contains("exists already");
        assertThat(run("scenario", "new", "Not A Name", "--from", profile.toString()).exitCode()).isEqualTo(2);
    }

    @Test
    void tokenMintsADevelopmentTokenWithTheRoles() throws Exception {
        Run run = run("token", "analyst", "approver");
        assertThat(run.exitCode()).as(run.err()).isZero();
        String[] parts = run.out().trim().split("\\.");
        assertThat(parts).hasSize(3);
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(payload).contains("\"iss\":\"coupon-decision\"").containsPattern("\"groups\":\\[\"(analyst|approver)\",\"(analyst|approver)\"]");
        assertThat(run("token", "admin").exitCode()).isEqualTo(2);
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
        Run run = run("show", TABLES.resolve("coupons.xlsx").toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("=== Sheet Coupons", "A1  RuleSet: dev.coupondecision.tables.coupons",
                        "  G  ACTION  code \"$d.setAmountOff($param);\"  title \"Amount off\"",
                        "  row 19 | A Rule: Dormant | B Tier: DORMANT | F Coupon type: NO_THRESHOLD | G Amount off: 30"
                                + " | H Min spend: 0 | J Valid hours: 48\n",
                        "--- DRL generated from sheet Coupons",
                        "// rule values at A19, header at A7\nrule \"Dormant\"",
                        "$d.setAmountOff(30);")
                .doesNotContain("decision-tables");
    }

    @Test
    void showOfAnEditedTableDiffersOnlyInTheEditedRowAndItsDrl() throws IOException {
        Path tables = editedTables("coupons.xlsx", "Dormant", "Amount off", 35);
        String before = run("show", TABLES.resolve("coupons.xlsx").toString()).out();
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
