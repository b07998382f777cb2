package dev.coupondecision.ruleset.table;

import dev.coupondecision.activation.RulesetCheck;
import dev.coupondecision.ruleset.Finding;
import dev.coupondecision.tables.RulesetCopy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Rule files are measured on their raw bytes before anything parses them, and macro-enabled workbooks are refused. */
public class WorkbookLimitsTest {
    private static final WorkbookLimits LIMITS = WorkbookLimits.DEFAULT;
    private static final Path COUPONS = Path.of("decision-tables/coupons.xlsx");

    @TempDir
    Path dir;

    @Test
    void shouldAcceptTheShippedTables() throws IOException {
        for (String table : new String[]{"coupons.xlsx", "tiers.xlsx", "frequency-caps.xlsx", "send-windows.xlsx"}) {
            assertThat(LIMITS.problemWith(table, true, Files.readAllBytes(Path.of("decision-tables", table)))).isEmpty();
        }
    }

    @Test
    void shouldRefuseAMillionRowWorkbookWithoutReadingItAll() {
        byte[] workbook = workbookWithRows(1_000_000);
        long start = System.nanoTime();

        assertThat(new WorkbookLimits(64L << 20, 20, 5_000, 200_000, 1L << 30).problemWith("huge.xlsx", true, workbook))
                .contains("a sheet has more than 5000 rows");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("stops at the limit").isLessThan(Duration.ofSeconds(5));
        assertThat(LIMITS.problemWith("huge.xlsx", true, workbook)).hasValueSatisfying(problem ->
                assertThat(problem).matches("the file is \\d+\\.\\d MB; a rule file may be at most 5\\.0 MB|a sheet has more than 5000 rows"));
    }

    @Test
    void shouldRefuseTooManyCellsSheetsAndUnpackedBytes() {
        assertThat(new WorkbookLimits(5L << 20, 20, 5_000, 100, 64L << 20).problemWith("t.xlsx", true, workbookWithRows(101)))
                .contains("the workbook has more than 100 cells");
        assertThat(new WorkbookLimits(5L << 20, 0, 5_000, 100, 64L << 20).problemWith("t.xlsx", true, workbookWithRows(1)))
                .contains("the workbook has more than 0 sheets");
        byte[] bomb = zip(Map.of("[Content_Types].xml", "<Types/>", "xl/styles.xml", " ".repeat(2 << 20)));
        assertThat(new WorkbookLimits(5L << 20, 20, 5_000, 100, 1L << 20).problemWith("bomb.xlsx", true, bomb))
                .contains("the workbook unpacks to more than 1.0 MB");
    }

    @Test
    void shouldRefuseMacroEnabledContent() throws IOException {
        byte[] coupons = Files.readAllBytes(COUPONS);

        assertThat(LIMITS.problemWith("coupons.xlsx", true, withPart(coupons, "xl/vbaProject.bin", "VBA")))
                .contains("the workbook contains macros or ActiveX controls (xl/vbaProject.bin); save it as a macro-free .xlsx workbook");
        assertThat(LIMITS.problemWith("coupons.xlsx", true, withPart(coupons, "xl/macrosheets/sheet1.xml", "<xm/>")))
                .hasValueSatisfying(p -> assertThat(p).startsWith("the workbook contains macros"));
        byte[] xlsm = replacePart(coupons, "[Content_Types].xml", s -> s.replace(
                "spreadsheetml.sheet.main+xml", "sheet.macroEnabled.main+xml"));
        assertThat(LIMITS.problemWith("coupons.xlsx", true, xlsm))
                .contains("the workbook is macro-enabled (.xlsm); save it as a macro-free .xlsx workbook");
    }

    @Test
    void shouldRefuseWhatIsNotAnXlsxZip() {
        byte[] oldExcel = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        assertThat(LIMITS.problemWith("old.xlsx", true, oldExcel)).contains(
                "not an .xlsx workbook (save it as 'Excel Workbook (.xlsx)'; .xls, .xlsb and .ods are not read)");
        assertThat(new WorkbookLimits(10, 20, 5_000, 100, 1L << 20).problemWith("big.drl", false, new byte[11])).isPresent();
    }

    @Test
    void shouldRejectAnOversizedWorkbookDroppedIntoTheWatchedFolderBeforeParsingIt() throws IOException {
        RulesetCopy copy = RulesetCopy.of(dir);
        Files.write(copy.table("coupons.xlsx"), workbookWithRows(20_000));

        RulesetCheck check = copy.check();

        assertThat(check.accepted()).isFalse();
        assertThat(check.findings()).extracting(Finding::location, Finding::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("coupons.xlsx", "a sheet has more than 5000 rows"));
    }



    /** A minimal valid workbook with one sheet of {@code rows} rows of one number each, written as a stream. */
    public static byte[] workbookWithRows(int rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            put(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                    <Default Extension="xml" ContentType="application/xml"/>\
                    <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                    <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
                    </Types>""");
            put(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
                    </Relationships>""");
            put(zip, "xl/workbook.xml", """
                    <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                    xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>\
                    <sheet name="Rows" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            put(zip, "xl/_rels/workbook.xml.rels", """
                    <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
                    </Relationships>""");
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                    .getBytes(StandardCharsets.UTF_8));
            for (int r = 1; r <= rows; r++) {
                zip.write(("<row r=\"" + r + "\"><c r=\"A" + r + "\"><v>" + r + "</v></c></row>").getBytes(StandardCharsets.UTF_8));
            }
            zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] zip(Map<String, String> parts) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> part : parts.entrySet()) {
                put(zip, part.getKey(), part.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] withPart(byte[] workbook, String name, String content) {
        return rewrite(workbook, name, content, null);
    }

    private static byte[] replacePart(byte[] workbook, String name, java.util.function.UnaryOperator<String> change) {
        return rewrite(workbook, null, null, Map.entry(name, change));
    }

    private static byte[] rewrite(byte[] workbook, String addName, String addContent,
                                  Map.Entry<String, java.util.function.UnaryOperator<String>> change) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(workbook));
             ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                byte[] content = in.readAllBytes();
                if (change != null && entry.getName().equals(change.getKey())) {
                    content = change.getValue().apply(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(content);
                out.closeEntry();
            }
            if (addName != null) {
                put(out, addName, addContent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
