package dev.coupondecision.tables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coupondecision.activation.RulesetCheck;
import dev.coupondecision.decision.Decider;
import dev.coupondecision.decision.facts.Tier;
import dev.coupondecision.decision.request.RequestParser;
import dev.coupondecision.ruleset.CompiledRuleset;
import dev.coupondecision.ruleset.Finding;
import dev.coupondecision.ruleset.lint.RulesetLinter;
import dev.coupondecision.ruleset.table.WorkbookLimits;
import dev.coupondecision.scenario.Scenario;
import dev.coupondecision.scenario.ScenarioLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Analysts who use LibreOffice Calc save XLSX files that differ from the ones Apache POI writes. The fixtures
 * under src/test/resources/fixtures/libreoffice/ were made by Calc itself (see make-fixtures.sh there): the
 * shipped coupons.xlsx opened and saved again, and the same with a typo typed in Calc. CI only reads them.
 */
class LibreOfficeFixtureTest {
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/libreoffice");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RequestParser PARSER = new RequestParser(Clock.systemUTC(), ZoneId.of("Asia/Shanghai"));

    @TempDir
    Path dir;
    ShippedCopy poi;
    ShippedCopy libreOffice;

    @BeforeEach
    void copyShippedFilesWithAndWithoutTheFixture() throws IOException {
        poi = ShippedCopy.of(dir.resolve("poi"));
        libreOffice = ShippedCopy.of(dir.resolve("libreoffice"));
        Files.copy(FIXTURES.resolve("coupons.xlsx"), libreOffice.table("coupons.xlsx"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void fixtureIsReallyWrittenByLibreOfficeAndDiffersFromPoisFile() throws IOException {
        Map<String, String> calc = zipEntries(Files.readAllBytes(FIXTURES.resolve("coupons.xlsx")));
        Map<String, String> shipped = zipEntries(Files.readAllBytes(Path.of("decision-tables/coupons.xlsx")));

        assertThat(calc.get("docProps/app.xml")).contains("<Application>LibreOffice/");
        assertThat(shipped.get("docProps/app.xml")).contains("<Application>Apache POI</Application>");
        // Same parts, written in another order and with other content.
        assertThat(calc.keySet()).containsExactlyInAnyOrderElementsOf(shipped.keySet());
        assertThat(List.copyOf(calc.keySet())).isNotEqualTo(List.copyOf(shipped.keySet()));
        assertThat(calc.get("xl/styles.xml").length()).isGreaterThan(3 * shipped.get("xl/styles.xml").length());
        // Calc writes whole numbers without ".0" and leaves blank cells (the merged object-type cells D9:E9)
        // without a value, where POI stores an empty shared string.
        assertThat(shipped.get("xl/worksheets/sheet1.xml")).contains("<c r=\"G12\" t=\"n\" s=\"0\"><v>50.0</v></c>")
                .contains("<c r=\"D9\" t=\"s\"");
        assertThat(calc.get("xl/worksheets/sheet1.xml")).contains("<c r=\"G12\" s=\"2\" t=\"n\"><v>50</v></c>")
                .contains("<c r=\"D9\" s=\"3\"/>").contains("<mergeCell ref=\"C9:E9\"/>");
        assertThat(calc.get("xl/sharedStrings.xml")).contains("xml:space=\"preserve\"");
        assertThat(poi.files().version()).isNotEqualTo(libreOffice.files().version());
    }

    @Test
    void shouldLintTheLibreOfficeSavedTableClean() {
        assertThat(new RulesetLinter(LocalTime.of(22, 0), LocalTime.of(8, 0), WorkbookLimits.DEFAULT).lint(libreOffice.files())).isEmpty();
    }

    @Test
    void shouldCompileTheLibreOfficeSavedTableAndPassEveryScenario() {
        RulesetCheck check = libreOffice.check();

        assertThat(check.accepted()).as(check.report()).isTrue();
        assertThat(check.scenarios().total()).isEqualTo(ScenarioLoader.read(libreOffice.scenarios()).scenarios().size());
        assertThat(check.scenarios().passed()).isEqualTo(check.scenarios().total());
        assertThat(check.compiled().rulesPerSource()).containsEntry("coupons.xlsx › Coupons", 11);
    }

    @Test
    void shouldDecideExactlyLikeThePoiOriginal() {
        CompiledRuleset fromPoi = poi.check().compiled();
        CompiledRuleset fromCalc = libreOffice.check().compiled();
        List<JsonNode> requests = new ArrayList<>();
        ScenarioLoader.read(poi.scenarios()).scenarios().stream().map(Scenario::request).forEach(requests::add);
        requests.addAll(population());

        List<JsonNode> decisions = new ArrayList<>();
        for (JsonNode request : requests) {
            JsonNode expected = decision(request, fromPoi);
            JsonNode actual = decision(request, fromCalc);
            assertThat(actual).as("decision for %s", request).isEqualTo(expected);
            decisions.add(expected);
        }
        Map<Tier, Long> tiers = decisions.stream().map(d -> d.get("tier").asText())
                .collect(Collectors.groupingBy(Tier::valueOf, LinkedHashMap::new, Collectors.counting()));
        assertThat(tiers).as("the comparison covers every tier").containsOnlyKeys(Tier.values());
    }

    @Test
    void shouldReportTypoTypedInLibreOfficeAtItsCell() throws IOException {
        Files.copy(FIXTURES.resolve("coupons-typo.xlsx"), libreOffice.table("coupons.xlsx"), StandardCopyOption.REPLACE_EXISTING);

        RulesetCheck check = libreOffice.check();

        assertThat(check.accepted()).isFalse();
        assertThat(check.findings()).extracting(Finding::severity, Finding::location, Finding::message).containsExactly(
                tuple(Finding.Severity.ERROR, "coupons.xlsx › Coupons › B13", "'HIGH_VALEU' is not a known Tier; expected one of "
                        + Arrays.stream(Tier.values()).map(Enum::name).collect(Collectors.joining(", "))));
    }

    @Test
    void shouldReportCellOfAnEditToALibreOfficeSavedFile() {
        // An analyst who keeps working on the Calc-saved file: lint reads Calc's styles and blank cells alike.
        TableEdit.edit(libreOffice.table("coupons.xlsx"), t -> t.set("I13", 150));

        assertThat(libreOffice.check().findings())
                .extracting(Finding::location, Finding::message).containsExactly(tuple("coupons.xlsx › Coupons › I13",
                        "150 is out of range; expected a percentage from 0 to 100, typed as 15 for 15%"));
    }

    /** A deterministic population spanning every tier, coupon row and send-window row. */
    private static List<JsonNode> population() {
        LocalDate asOf = LocalDate.of(2026, 11, 20);
        List<JsonNode> requests = new ArrayList<>();
        int id = 0;
        for (int orders : new int[]{0, 1, 2, 5}) {
            for (int recency : new int[]{5, 61, 91, 181}) {
                for (String birthday : new String[]{null, "11-24", "12-20"}) {
                    for (String category : new String[]{null, "beauty", "books"}) {
                        for (String time : new String[]{"T12:00:00+08:00", "T21:00:00+08:00"}) {
                            ObjectNode request = JSON.createObjectNode()
                                    .put("customerId", "lo-" + id++)
                                    .put("asOf", asOf.plusDays(id % 3) + time)
                                    .put("smsConsent", true)
                                    .put("orderCount", orders)
                                    .put("ordersLast90Days", orders >= 5 ? 3 : 0)
                                    .put("spendLast365Days", orders >= 5 ? 2500 : 100);
                            if (orders > 0) {
                                request.put("lastPurchaseDate", asOf.minusDays(recency).toString());
                            } else if (recency < 60) {
                                request.put("lastCartActivityDate", asOf.minusDays(recency).toString());
                            }
                            if (birthday != null) {
                                request.put("birthday", birthday);
                            }
                            if (category != null) {
                                request.put("favoriteCategory", category);
                            }
                            requests.add(request);
                        }
                    }
                }
            }
        }
        return requests;
    }

    private static JsonNode decision(JsonNode request, CompiledRuleset ruleset) {
        ObjectNode decision = JSON.valueToTree(Decider.decide(PARSER.parse(request), ruleset));
        decision.remove(List.of("decisionId", "rulesetVersion"));
        return decision;
    }

    private static Map<String, String> zipEntries(byte[] xlsx) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), new String(readAll(zip), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }
}
