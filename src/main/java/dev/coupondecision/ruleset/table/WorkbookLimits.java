package dev.coupondecision.ruleset.table;

import dev.coupondecision.config.DecisionConfig;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;

/**
 * How large a rule file may be, checked on its raw bytes before Apache POI or Drools open it (both read a whole
 * workbook into memory: a million-row workbook took 79 s and 5 GB). A workbook is read as the zip it is: its
 * worksheets are counted and streamed row by row until a limit is passed, and macro-enabled content (VBA
 * projects, Excel 4 macro sheets, ActiveX) is refused outright.
 *
 * @param maxBytes         largest rule file, compressed as stored
 * @param maxSheets        most worksheets in one workbook
 * @param maxRowsPerSheet  most rows in one worksheet
 * @param maxCells         most cells in one workbook
 * @param maxUnpackedBytes most bytes of all the workbook's parts together, uncompressed
 */
public record WorkbookLimits(long maxBytes, int maxSheets, int maxRowsPerSheet, long maxCells, long maxUnpackedBytes) {
    /** Generous for decision tables (the shipped ones are 7 KB, 30 rows), small enough to read in milliseconds. */
    public static final WorkbookLimits DEFAULT = new WorkbookLimits(5L << 20, 20, 5_000, 200_000, 64L << 20);

    /** The limits the configuration sets. */
    public static WorkbookLimits from(DecisionConfig.RuleFiles config) {
        return new WorkbookLimits(config.maxBytes().asLongValue(), config.maxSheets(), config.maxRowsPerSheet(),
                config.maxCells(), config.maxUnpackedBytes().asLongValue());
    }

    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final List<String> MACRO_PARTS = List.of("vbaproject", "xl/macrosheets/", "xl/activex/");

    /**
     * The first limit a rule file passes, as a sentence for the analyst; empty when it is within all of them.
     *
     * @param workbook whether the file is a workbook (else DRL text, of which only the size counts)
     */
    public Optional<String> problemWith(String name, boolean workbook, byte[] content) {
        if (content.length > maxBytes) {
            return Optional.of("the file is " + megabytes(content.length) + "; a rule file may be at most "
                    + megabytes(maxBytes));
        }
        return workbook ? workbookProblem(content) : Optional.empty();
    }

    private Optional<String> workbookProblem(byte[] content) {
        if (content.length < 4 || !java.util.Arrays.equals(content, 0, 4, ZIP_MAGIC, 0, 4)) {
            return Optional.of("not an .xlsx workbook (save it as 'Excel Workbook (.xlsx)'; .xls, .xlsb and .ods are not read)");
        }
        Counts counts = new Counts();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                String name = entry.getName().toLowerCase(java.util.Locale.ROOT);
                if (MACRO_PARTS.stream().anyMatch(name::contains)) {
                    return Optional.of("the workbook contains macros or ActiveX controls (" + entry.getName()
                            + "); save it as a macro-free .xlsx workbook");
                }
                InputStream part = new CountingStream(zip, counts, maxUnpackedBytes);
                if (name.equals("[content_types].xml")
                        && new String(part.readAllBytes(), StandardCharsets.UTF_8).contains("macroEnabled")) {
                    return Optional.of("the workbook is macro-enabled (.xlsm); save it as a macro-free .xlsx workbook");
                }
                if (name.startsWith("xl/worksheets/") && name.endsWith(".xml") && !name.contains("/_rels/")) {
                    if (++counts.sheets > maxSheets) {
                        return Optional.of("the workbook has more than " + maxSheets + " sheets");
                    }
                    countRows(part, counts);
                } else {
                    part.transferTo(java.io.OutputStream.nullOutputStream());
                }
            }
        } catch (LimitPassed e) {
            return Optional.of(e.getMessage());
        } catch (IOException e) {
            return Optional.of(e.getCause() instanceof LimitPassed passed ? passed.getMessage()
                    : "not a readable .xlsx workbook: " + e.getMessage());
        } catch (SAXException | ParserConfigurationException e) {
            return Optional.of("not a readable .xlsx workbook: " + e.getMessage());
        }
        return Optional.empty();
    }

    private void countRows(InputStream sheet, Counts counts) throws IOException, SAXException, ParserConfigurationException {
        SAXParserFactory factory = SAXParserFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        SAXParser parser = factory.newSAXParser();
        int[] rows = {0};
        parser.parse(sheet, new DefaultHandler() {
            @Override
            public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
                if (localName.equals("row") && ++rows[0] > maxRowsPerSheet) {
                    throw new LimitPassed("a sheet has more than " + maxRowsPerSheet + " rows");
                }
                if (localName.equals("c") && ++counts.cells > maxCells) {
                    throw new LimitPassed("the workbook has more than " + maxCells + " cells");
                }
            }
        });
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1_048_576.0);
    }

    private static final class Counts {
        int sheets;
        long cells;
        long unpackedBytes;
    }

    private static final class LimitPassed extends SAXException {
        LimitPassed(String message) {
            super(message);
        }
    }

    /** Counts the uncompressed bytes of every part, so that a zip bomb stops at the limit. */
    private static final class CountingStream extends FilterInputStream {
        private final Counts counts;
        private final long max;

        CountingStream(InputStream in, Counts counts, long max) {
            super(in);
            this.counts = counts;
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        @Override
        public void close() {
            // the zip stream stays open for the next part
        }

        private void count(int n) throws IOException {
            counts.unpackedBytes += n;
            if (counts.unpackedBytes > max) {
                throw new IOException(new LimitPassed("the workbook unpacks to more than " + megabytes(max)));
            }
        }
    }
}
