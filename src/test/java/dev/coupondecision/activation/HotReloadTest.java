package dev.coupondecision.activation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coupondecision.tables.RulesetCopy;
import dev.coupondecision.tables.TableEdit;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static dev.coupondecision.activation.RunningService.DORMANT_CUSTOMER;
import static dev.coupondecision.activation.RunningService.activeVersion;
import static dev.coupondecision.activation.RunningService.awaitActive;
import static dev.coupondecision.activation.RunningService.awaitCandidate;
import static dev.coupondecision.activation.RunningService.decide;
import static dev.coupondecision.activation.RunningService.hasFinding;
import static dev.coupondecision.activation.RunningService.restoreShippedRules;
import static dev.coupondecision.activation.RunningService.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Hot reload as the running service shows it: an analyst saves a table in the rule directory; the poller picks
 * it up; /rulesets/status explains a rejected edit cell by cell while the last good version keeps deciding.
 */
@QuarkusTest
@TestProfile(HotReloadProfile.class)
class HotReloadTest {
    RulesetCopy copy;
    String shipped;

    @BeforeEach
    void serveTheShippedFiles() {
        copy = RunningService.ruleFiles();
        shipped = restoreShippedRules(copy);
    }

    @Test
    void shouldServeThePrivateCopyOfTheShippedFiles() {
        JsonNode active = RunningService.status();
        assertThat(active.get("activeVersion").asText()).isEqualTo(shipped);
        assertThat(copy.root()).isNotEqualTo(Path.of("").toAbsolutePath());
        JsonNode dormant = decide(DORMANT_CUSTOMER);
        assertThat(dormant.get("rulesetVersion").asText()).isEqualTo(shipped);
        assertThat(dormant.get("tier").asText()).isEqualTo("DORMANT");
        assertThat(dormant.at("/coupon/amountOff").decimalValue()).isEqualByComparingTo("30");
    }

    @Test
    void shouldPickUpASavedTableWithoutBeingAskedAndDecideWithIt() {
        long successes = status().get("reloadSuccesses").asLong();

        TableEdit.edit(copy.table("coupons.xlsx"), t -> t.set("G19", 35));
        String edited = copy.files().version();
        awaitActive(edited);

        JsonNode decision = decide(DORMANT_CUSTOMER);
        assertThat(decision.get("rulesetVersion").asText()).isEqualTo(edited);
        assertThat(decision.at("/coupon/amountOff").decimalValue()).isEqualByComparingTo("35");
        assertThat(decision.get("firedRules").toString()).contains("coupons.xlsx › Coupons › row 19");
        assertThat(status().get("reloadSuccesses").asLong()).isGreaterThan(successes);
        assertThat(status().path("lastCandidate").path("accepted").asBoolean()).isTrue();
    }

    static Stream<Arguments> brokenEdits() {
        return Stream.of(
                arguments("unknown tier", "coupons.xlsx", (Consumer<TableEdit>) t -> t.set("B13", "HIGH_VALEU"),
                        "Coupons", "B13", "'HIGH_VALEU' is not a known Tier: did you mean HIGH_VALUE?"),
                arguments("percent 150", "coupons.xlsx", (Consumer<TableEdit>) t -> t.set("I13", 150),
                        "Coupons", "I13", "150 is out of range; expected a percentage from 0 to 100"),
                arguments("number stored as text", "coupons.xlsx", (Consumer<TableEdit>) t -> t.set("G19", "35"),
                        "Coupons", "G19", "'35' is a number stored as text"),
                arguments("window in quiet hours", "send-windows.xlsx", (Consumer<TableEdit>) t -> t.set("D11", "21:30-22:30"),
                        "SendWindows", "D11", "window 21:30-22:30 falls in quiet hours 22:00-08:00"),
                arguments("misspelled column kind", "coupons.xlsx", (Consumer<TableEdit>) t -> t.set("C8", "CONDITON"),
                        "Coupons", "C8", "'CONDITON' is not a column kind"),
                arguments("zero period days", "frequency-caps.xlsx", (Consumer<TableEdit>) t -> t.set("D17", 0),
                        "FrequencyCaps", "D17", "0 is out of range; expected a whole number of days >= 1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenEdits")
    void shouldShowTheFindingAtItsCellAndKeepDecidingWithTheLastGoodVersion(
            String what, String table, Consumer<TableEdit> edit, String sheet, String cell, String message) {
        TableEdit.edit(copy.table(table), edit);
        String broken = copy.files().version();
        JsonNode candidate = awaitCandidate(broken);

        assertThat(candidate.get("accepted").asBoolean()).isFalse();
        assertThat(hasFinding(candidate, table, sheet, cell, m -> m.startsWith(message)))
                .as("finding at %s › %s › %s in %s", table, sheet, cell, candidate).isTrue();
        assertThat(status().get("activeVersion").asText()).isEqualTo(shipped);
        assertThat(activeVersion()).isEqualTo(shipped);
        JsonNode decision = decide(DORMANT_CUSTOMER);
        assertThat(decision.get("rulesetVersion").asText()).isEqualTo(shipped);
        assertThat(decision.at("/coupon/amountOff").decimalValue()).isEqualByComparingTo("30");
    }

    @Test
    void shouldRejectAnEditThatBreaksARegressionScenarioWithExpectedAndActual() {
        // High value birthday coupon 50 -> 55: scenarios pin 50.
        long failures = status().get("reloadFailures").asLong();
        TableEdit.edit(copy.table("coupons.xlsx"), t -> t.set("G12", 55));
        String edited = copy.files().version();
        JsonNode candidate = awaitCandidate(edited);

        assertThat(candidate.get("accepted").asBoolean()).isFalse();
        assertThat(candidate.get("findings")).isEmpty();
        JsonNode failure = null;
        for (JsonNode f : candidate.at("/scenarios/failures")) {
            if (f.get("file").asText().equals("tiers/high-value-birthday-in-7-days.json")) {
                failure = f;
            }
        }
        assertThat(failure).as("failure of tiers/high-value-birthday-in-7-days.json in %s", candidate).isNotNull();
        assertThat(failure.get("name").asText())
                .isEqualTo("High value customer whose birthday is 7 days away gets the birthday coupon");
        assertThat(failure.get("mismatches")).hasSize(1);
        JsonNode mismatch = failure.get("mismatches").get(0);
        assertThat(mismatch.get("path").asText()).isEqualTo("coupon.amountOff");
        assertThat(mismatch.get("expected").decimalValue()).isEqualByComparingTo("50");
        assertThat(mismatch.get("actual").decimalValue()).isEqualByComparingTo("55");
        assertThat(candidate.at("/scenarios/passed").asInt()).isLessThan(candidate.at("/scenarios/total").asInt());
        assertThat(status().get("reloadFailures").asLong()).isGreaterThan(failures);
        assertThat(activeVersion()).isEqualTo(shipped);
        assertThat(decide(DORMANT_CUSTOMER).get("rulesetVersion").asText()).isEqualTo(shipped);
    }

    @Test
    void shouldNeverRunHostileCodeSavedIntoATable() throws IOException {
        Path marker = Files.createTempDirectory(copy.root(), "hostile-").resolve("hostile-code-ran");
        TableEdit.edit(copy.table("coupons.xlsx"), t -> t.set("G10",
                "$d.setAmountOff($param); new java.io.FileWriter(\"" + marker + "\").close();"));
        JsonNode candidate = awaitCandidate(copy.files().version());

        assertThat(candidate.get("accepted").asBoolean()).isFalse();
        assertThat(hasFinding(candidate, "coupons.xlsx", "Coupons", "G10", m -> m.equals("rule code refused: 'java' is not a type of the decision facts")))
                .as("%s", candidate).isTrue();
        for (int i = 0; i < 5; i++) {
            assertThat(decide(DORMANT_CUSTOMER).get("rulesetVersion").asText()).isEqualTo(shipped);
        }
        assertThat(marker).doesNotExist();
    }

    @Test
    void shouldKeepDecidingWhileATableIsHalfWritten() throws Exception {
        byte[] full = TableEdit.edited(Files.readAllBytes(copy.table("coupons.xlsx")), t -> t.set("G19", 35));
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        List<String> versions = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        Thread client = new Thread(() -> {
            long deadline = System.nanoTime() + RunningService.WAIT.toNanos();
            while (running.get() && System.nanoTime() < deadline) {
                try {
                    versions.add(decide(DORMANT_CUSTOMER).get("rulesetVersion").asText());
                } catch (AssertionError | RuntimeException e) {
                    problems.add(e.toString());
                }
                RunningService.sleep(20);
            }
        }, "decide-during-half-write");
        client.start();
        try {
            // A save that got only as far as the first bytes: long enough for the poller to see it settle.
            Files.write(copy.table("coupons.xlsx"), java.util.Arrays.copyOf(full, 10));
            String truncated = copy.files().version();
            JsonNode candidate = awaitCandidate(truncated);
            assertThat(candidate.get("accepted").asBoolean()).isFalse();
            assertThat(candidate.get("findings").toString()).contains("coupons.xlsx").contains("not a readable .xlsx workbook");
            assertThat(activeVersion()).isEqualTo(shipped);

            // Then the rest of the file arrives: the complete workbook is checked and served.
            Files.write(copy.table("coupons.xlsx"), full);
            String edited = copy.files().version();
            awaitActive(edited);
            RunningService.sleep(200);
        } finally {
            running.set(false);
            client.join();
        }

        assertThat(problems).as("failed decisions").isEmpty();
        assertThat(versions).isNotEmpty().allMatch(v -> v.equals(shipped) || v.equals(copy.files().version()));
        assertThat(versions.get(0)).isEqualTo(shipped);
        assertThat(versions.get(versions.size() - 1)).isEqualTo(copy.files().version());
    }

    @Test
    void reloadRequestChecksTheFilesAtOnce() {
        TableEdit.edit(copy.table("coupons.xlsx"), t -> t.set("B13", "HIGH_VALEU"));
        String broken = copy.files().version();

        JsonNode result = RunningService.reload();

        // Either this request checked the edit or the poller had just done so; both end in the same status.
        assertThat(result.get("outcome").asText()).isIn("REJECTED", "UNCHANGED");
        assertThat(result.at("/status/lastCandidate/version").asText()).isEqualTo(broken);
        assertThat(hasFinding(result.at("/status/lastCandidate"), "coupons.xlsx", "Coupons", "B13", m -> m.contains("HIGH_VALEU")))
                .isTrue();
        assertThat(result.at("/status/activeVersion").asText()).isEqualTo(shipped);
    }
}
