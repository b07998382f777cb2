package dev.coupondecision.ruleset.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coupondecision.ReferenceRuleset;
import dev.coupondecision.ruleset.SheetTranslator;
import dev.coupondecision.ruleset.TranslatedSheet;
import dev.coupondecision.ruleset.table.WorkbookReader;
import dev.coupondecision.support.Tools;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The workbooks made for people: formatting never changes what Drools reads, is idempotent, and the shipped tables
 * are formatted (seen through openpyxl, as an analyst's script or another program would see them).
 */
class WorkbookFormatterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The enumeration columns of each shipped table: column letter, first values of its dropdown. */
    private static final Map<String, Map<String, String>> DROPDOWNS = Map.of(
            "coupons.xlsx", Map.of("B", "PROSPECT,COLD_LEAD,", "F", "NO_THRESHOLD,SPEND_AND_SAVE,"),
            "tiers.xlsx", Map.of("H", "PROSPECT,COLD_LEAD,"),
            "frequency-caps.xlsx", Map.of("B", "PROSPECT,COLD_LEAD,"),
            "send-windows.xlsx", Map.of("B", "PROSPECT,COLD_LEAD,", "C", "WEEKDAY,WEEKEND"));

    @ParameterizedTest
    @ValueSource(strings = {"coupons.xlsx", "tiers.xlsx", "frequency-caps.xlsx", "send-windows.xlsx"})
    void formattingChangesNoRuleAndFormattingAgainChangesNothing(String table) throws IOException {
        byte[] shipped = Files.readAllBytes(Path.of("decision-tables", table));
        byte[] once = WorkbookFormatter.format(table, shipped);
        byte[] twice = WorkbookFormatter.format(table, once);

        assertThat(drl(table, once)).isEqualTo(drl(table, shipped));
        assertThat(drl(table, twice)).isEqualTo(drl(table, shipped));
        try (XSSFWorkbook first = workbook(once); XSSFWorkbook second = workbook(twice)) {
            assertThat(second.getNumberOfSheets()).isEqualTo(first.getNumberOfSheets()).isEqualTo(2);
            XSSFSheet a = first.getSheetAt(0);
            XSSFSheet b = second.getSheetAt(0);
            assertThat(b.getDataValidations()).hasSameSizeAs(a.getDataValidations());
            for (int r = 0; r <= a.getLastRowNum(); r++) {
                assertThat(b.getRow(r).getCTRow().getOutlineLevel()).as("outline level of row " + (r + 1))
                        .isEqualTo(a.getRow(r).getCTRow().getOutlineLevel());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"coupons.xlsx", "tiers.xlsx", "frequency-caps.xlsx", "send-windows.xlsx"})
    void theReferenceTablesAreFormattedLikeTheShippedOnes(String table) throws IOException {
        try (XSSFWorkbook workbook = workbook(Files.readAllBytes(ReferenceRuleset.TABLES.resolve(table)))) {
            assertThat(workbook.getSheet(WorkbookFormatter.HOW_TO_SHEET)).isNotNull();
            assertThat(workbook.getSheetAt(0).isSheetLocked()).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"coupons.xlsx", "tiers.xlsx", "frequency-caps.xlsx", "send-windows.xlsx"})
    void openpyxlSeesTheCodeRowsHiddenTheSheetProtectedAndDropdownsOnEveryEnumeration(String table) throws Exception {
        JsonNode seen = openpyxl(Path.of("decision-tables", table));
        int titleRow = seen.get("titleRow").asInt();
        assertThat(seen.get("hiddenRows")).as("rows 1 to " + (titleRow - 1) + " folded away")
                .containsExactlyElementsOf(JSON.valueToTree(IntStream.range(1, titleRow).boxed().toList()));
        assertThat(seen.get("protected").asBoolean()).isTrue();
        assertThat(seen.get("insertRowsLocked").asBoolean()).as("analysts may insert rows").isFalse();
        Map<String, String> lists = new TreeMap<>();
        seen.get("lists").fields().forEachRemaining(e -> lists.put(e.getKey(), e.getValue().asText()));
        DROPDOWNS.get(table).forEach((column, values) -> assertThat(lists.get(column)).as(table + " column " + column)
                .startsWith("\"" + values));
        assertThat(seen.get("sheets").toString()).contains("How to edit");
    }

    @Test
    void numberColumnsAreCheckedWithTheLintersRangesAndSayWhatTheyTake() throws IOException {
        try (XSSFWorkbook workbook = workbook(Files.readAllBytes(Path.of("decision-tables/coupons.xlsx")))) {
            Map<String, DataValidation> byColumn = new TreeMap<>();
            for (DataValidation v : workbook.getSheetAt(0).getDataValidations()) {
                byColumn.put(v.getRegions().getCellRangeAddress(0).formatAsString().replaceAll("\\d", "").split(":")[0], v);
            }
            assertThat(byColumn.get("I").getValidationConstraint().getFormula1()).isEqualTo("0");
            assertThat(byColumn.get("I").getValidationConstraint().getFormula2()).isEqualTo("100");
            assertThat(byColumn.get("J").getValidationConstraint().getFormula1()).as("valid hours >= 1").isEqualTo("1");
            assertThat(byColumn.get("I").getPromptBoxText()).isEqualTo("a percentage from 0 to 100, typed as 15 for 15%");
            assertThat(workbook.getSheet(WorkbookFormatter.HOW_TO_SHEET).getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("How to edit coupons.xlsx");
        }
    }

    private static String drl(String name, byte[] xlsx) {
        return String.join("\n", SheetTranslator.translate(name, WorkbookReader.read(name, xlsx)).stream()
                .map(TranslatedSheet::drl).toList());
    }

    private static XSSFWorkbook workbook(byte[] xlsx) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(xlsx));
    }

    private static JsonNode openpyxl(Path xlsx) throws Exception {
        String script = """
                import json, sys, warnings
                warnings.simplefilter("ignore")
                import openpyxl
                book = openpyxl.load_workbook(sys.argv[1])
                sheet = book.worksheets[0]
                title = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == "Rule")
                lists = {}
                for v in sheet.data_validations.dataValidation:
                    if v.type == "list":
                        lists[str(v.sqref).split(":")[0].rstrip("0123456789")] = v.formula1
                print(json.dumps({"sheets": book.sheetnames, "titleRow": title,
                                  "hiddenRows": sorted(r for r, d in sheet.row_dimensions.items() if d.hidden),
                                  "protected": bool(sheet.protection.sheet),
                                  "insertRowsLocked": bool(sheet.protection.insertRows), "lists": lists}))
                """;
        for (String python : List.of("/usr/bin/python3", "python3")) {
            if (!Tools.has(python)) {
                continue;
            }
            Process process = new ProcessBuilder(python, "-c", script, xlsx.toString()).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
            if (process.exitValue() == 0) {
                return JSON.readTree(out);
            }
            if (!err.contains("No module named 'openpyxl'")) {
                fail(python + " failed: " + err);
            }
        }
        if (Tools.required()) {
            fail("python3 with openpyxl is required in CI (CI=true); .ci/run installs python3-openpyxl");
        }
        Assumptions.abort("python3 with openpyxl (Debian: python3-openpyxl) is not installed: the shipped workbooks are"
                + " not inspected through openpyxl here");
        return null;
    }
}
