package dev.coupondecision.cli;

import dev.coupondecision.ReferenceRuleset;
import dev.coupondecision.tables.TableEdit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * bin/rules on the packaged jar's plain class path (no Quarkus, no CDI), run after {@code package}: the same
 * commands an analyst types, and {@code show} as git's textconv driver for a diff of an edited table.
 */
class RulesToolIT {
    private static final Path RULES = Path.of("bin/rules").toAbsolutePath();

    @TempDir
    Path dir;

    private record Result(int exitCode, String out, String err) {
    }

    private Result run(Path workDir, String... command) throws IOException, InterruptedException {
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process process = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("finished in time").isTrue();
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void showRunsFromThePlainClassPath() throws Exception {
        Result show = run(Path.of("."), RULES.toString(), "show", ReferenceRuleset.TABLES.resolve("tiers.xlsx").toString());
        assertThat(show.exitCode()).as(show.err()).isZero();
        assertThat(show.out()).contains("=== Sheet Tiers", "| E Last purchase over days ago: 180 |",
                "--- DRL generated from sheet Tiers", "rule \"Churned: no purchase for over 180 days\"");
        assertThat(show.err()).doesNotContain("SLF4J", "Exception");
    }

    @Test
    void validateExitsWithZeroOnTheShippedRulesAndTwoOnUsageErrors() throws Exception {
        Result accepted = run(Path.of("."), RULES.toString(), "validate");
        assertThat(accepted.exitCode()).as(accepted.out() + accepted.err()).isZero();
        assertThat(accepted.out()).contains(": ACCEPTED");
        assertThat(run(Path.of("."), RULES.toString(), "validate", "--tables", "no-such-dir").exitCode()).isEqualTo(2);
    }

    @Test
    void gitDiffOfAnEditedTableShowsTheChangedRow() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Path table = repo.resolve("coupons.xlsx");
        Files.copy(ReferenceRuleset.TABLES.resolve("coupons.xlsx"), table);
        Files.writeString(repo.resolve(".gitattributes"), "*.xlsx diff=xlsx-rules\n");
        git(repo, "init", "-q");
        git(repo, "add", ".");
        git(repo, "-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "-q", "-m", "tables");
        Files.write(table, TableEdit.setCell(ReferenceRuleset.TABLES.resolve("coupons.xlsx"), "Dormant", "Amount off", 35));

        Result diff = git(repo, "-c", "diff.xlsx-rules.textconv=" + RULES + " show", "diff", "--no-color");

        assertThat(diff.out())
                .contains("-  row 19 | A Rule: Dormant | B Tier: DORMANT | F Coupon type: NO_THRESHOLD | G Amount off: 30")
                .contains("+  row 19 | A Rule: Dormant | B Tier: DORMANT | F Coupon type: NO_THRESHOLD | G Amount off: 35")
                .contains("-\t\t$d.setAmountOff(30);", "+\t\t$d.setAmountOff(35);")
                .doesNotContain("Binary files");
    }

    private Result git(Path repo, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Result result = run(repo, command.toArray(String[]::new));
        assertThat(result.exitCode()).as("git %s: %s", command, result.err()).isZero();
        return result;
    }
}
