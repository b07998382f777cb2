package dev.coupondecision.ruleset.table;

import dev.coupondecision.ReferenceRuleset;
import dev.coupondecision.activation.RulesetCheck;
import dev.coupondecision.ruleset.RuleFile;
import dev.coupondecision.ruleset.RuleFileSet;
import dev.coupondecision.tables.RulesetCopy;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one reader of workbooks: what it reads is what lint checks and what Drools compiles, whatever program
 * wrote the file and wherever on the sheet the blocks are.
 */
class WorkbookReaderTest {
    private static final Path COUPONS = ReferenceRuleset.TABLES.resolve("coupons.xlsx");

    @TempDir
    Path dir;

    @Test
    void readsTheShippedCouponTableWithItsMergedObjectTypeFilled() throws IOException {
        TableWorkbook workbook = read(Files.readAllBytes(COUPONS));

        DecisionTable table = workbook.tables().get(0);
        assertThat(table.headerRow()).isEqualTo(7);
        assertThat(table.columns()).extracting(c -> c.objectType().text()).containsExactly("", "$d : Decision",
                "$c : Customer", "$c : Customer", "$c : Customer", "", "", "", "", "", "");
        assertThat(table.rows()).hasSize(11);
        assertThat(table.rows().get(7).cells().get(6).text()).as("Dormant's amount off").isEqualTo("30");
    }

    @Test
    void aRuleSetBlockFarDownTheSheetIsSeenByLintAndByTheCompilerAlike() throws IOException {
        RulesetCopy copy = RulesetCopy.of(dir);
        edit(copy.table("tiers.xlsx"), sheet -> sheet.shiftRows(0, sheet.getLastRowNum(), 55));

        RulesetCheck check = copy.check();

        assertThat(check.findings()).isEmpty();
        assertThat(check.accepted()).isTrue();
        assertThat(check.compiled().rulesPerSource()).containsEntry("tiers.xlsx › Tiers", 8);
    }

    @Test
    void aMergedRegionWrittenWithOnlyItsFirstCellCompilesAsTheFullOne() throws IOException {
        // openpyxl and Google Sheets leave out the cells of a merged region after its first one
        RulesetCopy copy = RulesetCopy.of(dir);
        String shipped = copy.check().compiled().version();
        edit(copy.table("coupons.xlsx"), sheet -> {
            Row objectTypes = sheet.getRow(8);
            objectTypes.removeCell(objectTypes.getCell(3));
            objectTypes.removeCell(objectTypes.getCell(4));
        });

        RulesetCheck check = copy.check();

        assertThat(check.findings()).isEmpty();
        assertThat(check.accepted()).as("every scenario still holds").isTrue();
        assertThat(check.version()).isNotEqualTo(shipped);
    }

    @Test
    void aFormulaReadsAsItsCachedResultAndADateAsAnIsoDate() throws IOException {
        byte[] edited = edited(Files.readAllBytes(COUPONS), sheet -> {
            Cell amount = sheet.getRow(18).getCell(6);
            amount.setCellFormula("25+5");
            sheet.getWorkbook().getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(amount);
            Cell date = sheet.getRow(18).createCell(12);
            date.setCellValue(LocalDate.of(2026, 12, 1));
            var style = sheet.getWorkbook().createCellStyle();
            style.setDataFormat(sheet.getWorkbook().createDataFormat().getFormat("d mmm yyyy"));
            date.setCellStyle(style);
        });

        SheetGrid grid = read(edited).sheets().get(0).grid();

        assertThat(grid.cell(18, 6)).extracting(TableCell::text, TableCell::kind).containsExactly("30", TableCell.Kind.NUMBER);
        assertThat(grid.cell(18, 12)).extracting(TableCell::text, TableCell::kind).containsExactly("2026-12-01", TableCell.Kind.DATE);
    }

    @Test
    void aFileThatIsNoWorkbookIsUnreadableInWords() {
        RuleFile file = RuleFileSet.file("coupons.xlsx", RuleFile.Kind.XLSX, "PK\u0003\u0004 half a zip".getBytes());

        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> file.workbook(WorkbookLimits.DEFAULT)))
                .isInstanceOf(UnreadableWorkbookException.class).hasMessageStartingWith("not a readable .xlsx workbook");
    }

    private static TableWorkbook read(byte[] content) {
        return RuleFileSet.file("coupons.xlsx", RuleFile.Kind.XLSX, content).workbook(WorkbookLimits.DEFAULT);
    }

    private static void edit(Path xlsx, Consumer<Sheet> change) throws IOException {
        Files.write(xlsx, edited(Files.readAllBytes(xlsx), change));
    }

    private static byte[] edited(byte[] workbook, Consumer<Sheet> change) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            change.accept(book.getSheetAt(0));
            book.write(out);
            return out.toByteArray();
        }
    }
}
