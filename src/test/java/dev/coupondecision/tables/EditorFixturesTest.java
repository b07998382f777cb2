package dev.coupondecision.tables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coupondecision.ReferenceRuleset;
import dev.coupondecision.activation.RulesetCheck;
import dev.coupondecision.cli.RulesTool;
import dev.coupondecision.decision.Decider;
import dev.coupondecision.decision.facts.Tier;
import dev.coupondecision.decision.request.RequestParser;
import dev.coupondecision.ruleset.CompiledRuleset;
import dev.coupondecision.ruleset.Finding;
import dev.coupondecision.ruleset.format.WorkbookFormatter;
import dev.coupondecision.ruleset.lint.RulesetLinter;
import dev.coupondecision.ruleset.table.WorkbookLimits;
import dev.coupondecision.scenario.Scenario;
import dev.coupondecision.scenario.ScenarioLoader;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
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
 * Workbooks as other programs save them, committed under src/test/resources/fixtures/ with the scripts that made
 * them from the reference tables: LibreOffice Calc (libreoffice/make-fixtures.sh) and openpyxl
 * (openpyxl/make-fixtures.py). Each program writes XLSX its own way (Calc: its own styles, blank cells without
 * values, shared strings with xml:space; openpyxl: merged regions written sparsely, inline-free shared strings,
 * its own styles); every one must lint, compile and decide exactly like the reference, keep the layout made for
 * people, and an edit saved by that program must go through the analysts' loop. CI only reads these files;
 * {@code AnalystLoopTest} runs the programs themselves.
 */
class EditorFixturesTest {
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");
    private static final List<String> TABLES = List.of("coupons.xlsx", "tiers.xlsx", "frequency-caps.xlsx", "send-windows.xlsx");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RequestParser PARSER = new RequestParser(Clock.systemUTC(), ZoneId.of("Asia/Shanghai"));
    private static final RulesetLinter LINTER = new RulesetLinter(LocalTime.of(22, 0), LocalTime.of(8, 0), WorkbookLimits.DEFAULT);

    enum Editor {
        LIBREOFFICE("libreoffice"), OPENPYXL("openpyxl");

        final Path dir;

        Editor(String dir) {
            this.dir = FIXTURES.resolve(dir);
        }
    }

    @TempDir
    Path dir;

    private RulesetCopy savedBy(Editor editor) throws IOException {
        RulesetCopy copy = RulesetCopy.of(dir.resolve(editor.name()));
        for (String table : TABLES) {
            Files.copy(editor.dir.resolve(table), copy.table(table), StandardCopyOption.REPLACE_EXISTING);
        }
        return copy;
    }

    @ParameterizedTest
    @EnumSource(Editor.class)
    void fixturesAreReallyWrittenByTheirProgramAndDifferFromPoisFiles(Editor editor) throws IOException {
        for (String table : TABLES) {
            Map<String, String> saved = zipEntries(Files.readAllBytes(editor.dir.resolve(table)));
            Map<String, String> reference = zipEntries(Files.readAllBytes(ReferenceRuleset.TABLES.resolve(table)));
            assertThat(reference.get("docProps/app.xml")).contains("<Application>Apache POI</Application>");
            assertThat(saved.get("xl/styles.xml")).as(table).isNotEqualTo(reference.get("xl/styles.xml"));
            switch (editor) {
                case LIBREOFFICE -> assertThat(saved.get("docProps/app.xml")).contains("<Application>LibreOffice/");
                // openpyxl keeps the creator but writes its own application properties
                case OPENPYXL -> assertThat(saved.get("docProps/app.xml")).contains("<Application>Microsoft Excel</Application>");
            }
        }
        String tiers = zipEntries(Files.readAllBytes(editor.dir.resolve("tiers.xlsx"))).get("xl/worksheets/sheet1.xml");
        assertThat(tiers).contains("<mergeCell ref=\"B9:G9\"/>");
        if (editor == Editor.OPENPYXL) {
            assertThat(tiers).as("openpyxl leaves the other cells of a merged region out").doesNotContain("r=\"C9\"");
        }
        assertThat(savedBy(editor).files().version()).isNotEqualTo(RulesetCopy.of(dir.resolve("poi")).files().version());
    }

    @ParameterizedTest
    @EnumSource(Editor.class)
    void theLayoutForPeopleSurvivesTheRoundTrip(Editor editor) throws IOException {
        for (String table : TABLES) {
            try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(editor.dir.resolve(table)))) {
                XSSFSheet sheet = workbook.getSheetAt(0);
                assertThat(sheet.isSheetLocked()).as(table + " protected").isTrue();
                assertThat(sheet.isInsertRowsLocked()).as(table + " lets analysts insert rows").isFalse();
                int titleRow = titleRow(sheet);
                for (int r = 0; r < titleRow; r++) {
                    Row row = sheet.getRow(r);
                    assertThat(row == null || row.getZeroHeight()).as(table + " developer row " + (r + 1) + " hidden").isTrue();
                }
                assertThat(sheet.getDataValidations()).as(table + " dropdowns and number checks").isNotEmpty();
                assertThat(workbook.getSheet(WorkbookFormatter.HOW_TO_SHEET)).as(table + " has its how-to sheet").isNotNull();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Editor.class)
    void everySavedTableLintsCleanCompilesAndPassesEveryScenario(Editor editor) throws IOException {
        RulesetCopy copy = savedBy(editor);
        assertThat(LINTER.lint(copy.files())).isEmpty();

        RulesetCheck check = copy.check();
        assertThat(check.accepted()).as(check.report()).isTrue();
        assertThat(check.scenarios().passed()).isEqualTo(ScenarioLoader.read(copy.scenarios()).scenarios().size());
        assertThat(check.compiled().rulesPerSource()).containsEntry("coupons.xlsx › Coupons", 11)
                .containsEntry("tiers.xlsx › Tiers", 8);
    }

    @ParameterizedTest
    @EnumSource(Editor.class)
    void everySavedTableDecidesExactlyLikeTheReference(Editor editor) throws IOException {
        CompiledRuleset reference = RulesetCopy.of(dir.resolve("poi")).check().compiled();
        CompiledRuleset saved = savedBy(editor).check().compiled();
        List<JsonNode> requests = new ArrayList<>();
        ScenarioLoader.read(ReferenceRuleset.SCENARIOS).scenarios().stream().map(Scenario::request).forEach(requests::add);
        requests.addAll(population());

        List<JsonNode> decisions = new ArrayList<>();
        for (JsonNode request : requests) {
            JsonNode expected = decision(request, reference);
            assertThat(decision(request, saved)).as("decision for %s", request).isEqualTo(expected);
            decisions.add(expected);
        }
        Map<Tier, Long> tiers = decisions.stream().map(d -> d.get("tier").asText())
                .collect(Collectors.groupingBy(Tier::valueOf, LinkedHashMap::new, Collectors.counting()));
        assertThat(tiers).as("the comparison covers every tier").containsOnlyKeys(Tier.values());
    }

    @ParameterizedTest
    @EnumSource(Editor.class)
    void anAmountChangedInTheProgramIsAcceptedOnceTheScenariosAreUpdated(Editor editor) throws IOException {
        RulesetCopy copy = RulesetCopy.of(dir.resolve(editor.name()));
        Files.copy(editor.dir.resolve("coupons-dormant-35.xlsx"), copy.table("coupons.xlsx"), StandardCopyOption.REPLACE_EXISTING);
        String[] validate = {"validate", "--rules", copy.rules().toString(), "--tables", copy.tables().toString(),
                "--scenarios", copy.scenarios().toString(), "--no-impact"};

        assertThat(rules(validate).exitCode()).as("the old scenarios pin 30").isEqualTo(1);
        String[] update = Arrays.copyOf(validate, validate.length + 1);
        update[validate.length] = "--update-scenarios";
        Run updated = rules(update);
        assertThat(updated.exitCode()).as(updated.out()).isZero();
        assertThat(updated.out()).contains("Updated 4 scenarios", "coupon.amountOff: 30 → 35", ": ACCEPTED");
        assertThat(rules(validate).exitCode()).isZero();
    }

    @Test
    void aTypoTypedInLibreOfficeIsReportedAtItsCell() throws IOException {
        RulesetCopy copy = savedBy(Editor.LIBREOFFICE);
        Files.copy(Editor.LIBREOFFICE.dir.resolve("coupons-typo.xlsx"), copy.table("coupons.xlsx"), StandardCopyOption.REPLACE_EXISTING);

        RulesetCheck check = copy.check();

        assertThat(check.accepted()).isFalse();
        assertThat(check.findings()).extracting(Finding::severity, Finding::location, Finding::message).containsExactly(
                tuple(Finding.Severity.ERROR, "coupons.xlsx › Coupons › B13", "'HIGH_VALEU' is not a known Tier: did you"
                        + " mean HIGH_VALUE? (expected one of " + Arrays.stream(Tier.values()).map(Enum::name)
                        .collect(Collectors.joining(", ")) + ")"));
    }

    @ParameterizedTest
    @EnumSource(Editor.class)
    void anEditByPoiToAFileSavedByAnotherProgramIsCheckedAtItsCell(Editor editor) throws IOException {
        RulesetCopy copy = savedBy(editor);
        TableEdit.edit(copy.table("coupons.xlsx"), t -> t.set("I13", 150));

        assertThat(copy.check().findings()).extracting(Finding::location, Finding::message).containsExactly(tuple(
                "coupons.xlsx › Coupons › I13", "150 is out of range; expected a percentage from 0 to 100, typed as 15 for 15%"));
    }

    private record Run(int exitCode, String out) {
    }

    private static Run rules(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = RulesTool.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8));
    }

    /** The row of the column titles: the one after the last hidden (developer) row at the top. */
    private static int titleRow(XSSFSheet sheet) {
        for (int r = 0; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row != null && "Rule".equals(row.getCell(0) == null ? null : row.getCell(0).toString())) {
                return r;
            }
        }
        throw new AssertionError("no title row with 'Rule' in column A");
    }

    /** A deterministic population spanning every tier, coupon row and send-window row. */
    static List<JsonNode> population() {
        LocalDate asOf = LocalDate.of(2026, 11, 20);
        List<JsonNode> requests = new ArrayList<>();
        int id = 0;
        for (int orders : new int[]{0, 1, 2, 5}) {
            for (int recency : new int[]{5, 61, 91, 181}) {
                for (String birthday : new String[]{null, "11-24", "12-20"}) {
                    for (String category : new String[]{null, "beauty", "books"}) {
                        for (String time : new String[]{"T12:00:00+08:00", "T21:00:00+08:00"}) {
                            ObjectNode request = JSON.createObjectNode()
                                    .put("customerId", "fx-" + id++)
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
