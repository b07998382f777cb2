package dev.coupondecision.activation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coupondecision.tables.RulesetCopy;
import dev.coupondecision.tables.TableEdit;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import static dev.coupondecision.activation.RunningService.DORMANT_CUSTOMER;
import static dev.coupondecision.activation.RunningService.activeVersion;
import static dev.coupondecision.activation.RunningService.decide;
import static dev.coupondecision.activation.RunningService.hasFinding;
import static dev.coupondecision.activation.RunningService.reload;
import static dev.coupondecision.activation.RunningService.restoreShippedRules;
import static org.assertj.core.api.Assertions.assertThat;

/** With polling switched off ({@code coupon.reload.enabled=false}) only {@code POST /rulesets/reload} sees edits. */
@QuarkusTest
@TestProfile(HotReloadProfile.ManualReload.class)
class ManualReloadTest {
    RulesetCopy copy;
    String shipped;

    @BeforeEach
    void serveTheShippedFiles() {
        copy = RunningService.ruleFiles();
        shipped = restoreShippedRules(copy);
    }

    @Test
    void shouldActivateASavedTableOnlyWhenAskedTo() {
        TableEdit.edit(copy.table("coupons.xlsx"), t -> t.set("G19", 35));
        String edited = copy.files().version();
        RunningService.sleep(1000);
        assertThat(activeVersion()).as("no poller: the edit waits for a reload request").isEqualTo(shipped);

        JsonNode result = reload();

        assertThat(result.get("outcome").asText()).isEqualTo("ACTIVATED");
        assertThat(result.at("/status/activeVersion").asText()).isEqualTo(edited);
        assertThat(result.at("/status/lastCandidate/accepted").asBoolean()).isTrue();
        JsonNode decision = decide(DORMANT_CUSTOMER);
        assertThat(decision.get("rulesetVersion").asText()).isEqualTo(edited);
        assertThat(decision.at("/coupon/amountOff").decimalValue()).isEqualByComparingTo("35");
        assertThat(reload().get("outcome").asText()).as("same files again").isEqualTo("UNCHANGED");
    }

    @Test
    void shouldActivateAnEditOnceTheScenariosAreUpdatedToExpectIt() throws IOException {
        // The analyst raises the birthday coupon to 55; the scenarios that pin 50 reject it. The analyst then
        // updates those scenarios to expect 55 and asks for a reload: the same tables now pass every scenario.
        TableEdit.edit(copy.table("coupons.xlsx"), t -> t.set("G12", 55));
        assertThat(reload().get("outcome").asText()).isEqualTo("REJECTED");
        Map<Path, byte[]> pinned = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(copy.scenarios())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                byte[] before = Files.readAllBytes(file);
                String text = new String(before, StandardCharsets.UTF_8);
                if (text.contains("\"BIRTHDAY\", \"amountOff\": 50,")) {
                    pinned.put(file, before);
                    Files.writeString(file, text.replace("\"BIRTHDAY\", \"amountOff\": 50,", "\"BIRTHDAY\", \"amountOff\": 55,"));
                }
            }
        }
        assertThat(pinned).as("scenarios pinning the birthday amount").isNotEmpty();
        try {
            JsonNode result = reload();

            // Fails: the registry remembers the rule files' version as rejected and answers UNCHANGED without
            // checking again, although the scenarios that rejected it have changed (they are not part of the
            // version), so the corrected set can only be activated by also touching a rule file.
            assertThat(result.get("outcome").asText()).as("%s", result).isEqualTo("ACTIVATED");
            assertThat(decide(DORMANT_CUSTOMER).get("rulesetVersion").asText()).isEqualTo(copy.files().version());
        } finally {
            for (Map.Entry<Path, byte[]> scenario : pinned.entrySet()) {
                Files.write(scenario.getKey(), scenario.getValue());
            }
        }
    }

    @Test
    void shouldRejectABrokenTableOnReloadAndNotCheckItAgainUntilItChanges() {
        TableEdit.edit(copy.table("send-windows.xlsx"), t -> t.set("D13", "13:00-11:00"));
        String broken = copy.files().version();

        JsonNode result = reload();

        assertThat(result.get("outcome").asText()).isEqualTo("REJECTED");
        JsonNode candidate = result.at("/status/lastCandidate");
        assertThat(candidate.get("version").asText()).isEqualTo(broken);
        assertThat(hasFinding(candidate, "send-windows.xlsx", "SendWindows", "D13",
                m -> m.equals("window end 11:00 is not after its start 13:00; expected windows like 11:30-13:00, "
                        + "17:00-19:00 with each end after its start"))).as("%s", candidate).isTrue();
        assertThat(result.at("/status/activeVersion").asText()).isEqualTo(shipped);
        long failures = result.at("/status/reloadFailures").asLong();

        JsonNode again = reload();
        assertThat(again.get("outcome").asText()).isEqualTo("UNCHANGED");
        assertThat(again.at("/status/reloadFailures").asLong()).isEqualTo(failures);
        assertThat(decide(DORMANT_CUSTOMER).get("rulesetVersion").asText()).isEqualTo(shipped);

        TableEdit.edit(copy.table("send-windows.xlsx"), t -> t.set("D13", "11:30-13:00, 17:00-19:00"));
        JsonNode fixed = reload();
        // ACTIVATED, or UNCHANGED if the re-saved workbook is byte for byte the shipped one again.
        assertThat(fixed.get("outcome").asText()).isIn("ACTIVATED", "UNCHANGED");
        assertThat(fixed.at("/status/activeVersion").asText()).isEqualTo(copy.files().version()).isNotEqualTo(broken);
    }
}
