package dev.coupondecision.ruleset;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A ruleset's files as one zip, laid out like the project ({@code rules/*.drl}, {@code decision-tables/*.xlsx}),
 * so that it unpacks into a working copy and reads back into the same version. Reading accepts only those two
 * folders' plain file names and at most {@code maxBytes} in all: an archive is input like any upload.
 */
public final class RuleArchive {
    public static final String RULES = "rules/";
    public static final String TABLES = "decision-tables/";

    private RuleArchive() {
    }

    public static byte[] write(RuleFileSet files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (RuleFile file : files.files()) {
                ZipEntry entry = new ZipEntry((file.kind() == RuleFile.Kind.DRL ? RULES : TABLES) + file.name());
                entry.setTime(0);
                zip.putNextEntry(entry);
                zip.write(file.content());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("an in-memory zip cannot fail to write", e);
        }
        return bytes.toByteArray();
    }

    /** @throws IllegalArgumentException for an entry outside the two folders or an archive over {@code maxBytes} */
    public static RuleFileSet read(byte[] archive, long maxBytes) {
        List<RuleFile> files = new ArrayList<>();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.isDirectory()) {
                    continue;
                }
                String path = entry.getName();
                RuleFile.Kind kind = path.startsWith(RULES) && path.endsWith(".drl") ? RuleFile.Kind.DRL
                        : path.startsWith(TABLES) && path.endsWith(".xlsx") ? RuleFile.Kind.XLSX : null;
                String name = kind == null ? "" : path.substring(path.indexOf('/') + 1);
                if (kind == null || name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
                    throw new IllegalArgumentException("'" + path + "' is not a rule file of the archive; expected "
                            + RULES + "NAME.drl or " + TABLES + "NAME.xlsx");
                }
                long remaining = maxBytes - total;
                byte[] content = zip.readNBytes(remaining >= Integer.MAX_VALUE - 8 ? Integer.MAX_VALUE - 8 : (int) remaining + 1);
                total += content.length;
                if (total > maxBytes) {
                    throw new IllegalArgumentException("the archive unpacks to more than " + maxBytes + " bytes");
                }
                files.add(RuleFileSet.file(name, kind, content));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("not a readable zip archive: " + e.getMessage(), e);
        }
        return RuleFileSet.of(files);
    }
}
