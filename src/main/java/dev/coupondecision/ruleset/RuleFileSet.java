package dev.coupondecision.ruleset;

import dev.coupondecision.hashing.Sha256;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The rule files of one ruleset and its version: a content hash over every file's name and bytes, so the
 * same files always give the same version whatever their timestamps. Files in the folders that the service does
 * not read but an analyst may think it does (an {@code .ods} save, an editor's lock file) are listed with the
 * reason, so a check can say so instead of staying silent.
 */
public record RuleFileSet(List<RuleFile> files, String version, List<IgnoredFile> ignored) {

    /** A file next to the rule files that is not part of the ruleset, and why. */
    public record IgnoredFile(String name, String reason) {
    }

    private static final Pattern OTHER_SPREADSHEET = Pattern.compile("(?i).+\\.(ods|fods|xls|xlsm|xlsb|csv|numbers)$");

    public RuleFileSet {
        files = List.copyOf(files);
        ignored = List.copyOf(ignored);
    }

    public static RuleFileSet of(List<RuleFile> files) {
        return of(files, List.of());
    }

    private static RuleFileSet of(List<RuleFile> files, List<IgnoredFile> ignored) {
        List<RuleFile> sorted = new ArrayList<>(files);
        sorted.sort(Comparator.comparing(RuleFile::name));
        MessageDigest digest = Sha256.digest();
        for (RuleFile file : sorted) {
            digest.update(file.name().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(file.sha256().getBytes(StandardCharsets.US_ASCII));
        }
        return new RuleFileSet(sorted, Sha256.hex(digest.digest()).substring(0, 12), ignored);
    }

    /**
     * Reads the {@code .drl} files of {@code rulesDir} and the {@code .xlsx} files of {@code tablesDir}, not
     * descending into sub-directories. Hidden files (Kubernetes' {@code ..data}, LibreOffice's lock files) and
     * Excel's {@code ~$} owner files are skipped; symbolic links are followed.
     */
    public static RuleFileSet read(Path rulesDir, Path tablesDir) {
        List<RuleFile> files = new ArrayList<>();
        List<IgnoredFile> ignored = new ArrayList<>();
        files.addAll(readDir(rulesDir, ".drl", RuleFile.Kind.DRL, ignored));
        files.addAll(readDir(tablesDir, ".xlsx", RuleFile.Kind.XLSX, ignored));
        return of(files, ignored);
    }

    /** Reads one file's bytes into a {@link RuleFile}. */
    public static RuleFile file(String name, RuleFile.Kind kind, byte[] content) {
        return new RuleFile(name, kind, content, Sha256.hex(Sha256.of(content)));
    }

    private static List<RuleFile> readDir(Path dir, String suffix, RuleFile.Kind kind, List<IgnoredFile> ignored) {
        if (!Files.isDirectory(dir)) {
            throw new UncheckedIOException(new IOException("rule directory " + dir.toAbsolutePath() + " does not exist"));
        }
        try (Stream<Path> entries = Files.list(dir)) {
            List<RuleFile> files = new ArrayList<>();
            for (Path path : entries.sorted().toList()) {
                String name = path.getFileName().toString();
                if (!Files.isRegularFile(path)) {
                    continue;
                }
                String reason = ignoredBecause(name, suffix);
                if (reason != null) {
                    if (!reason.isEmpty()) {
                        ignored.add(new IgnoredFile(name, reason));
                    }
                    continue;
                }
                files.add(file(name, kind, Files.readAllBytes(path)));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rule directory " + dir.toAbsolutePath(), e);
        }
    }

    /** Null when the file is read; empty for hidden files nobody needs to hear about; else why it is not read. */
    private static String ignoredBecause(String name, String suffix) {
        if (name.startsWith("~$")) {
            return "an Excel lock file (someone has " + name.substring(2) + " open); the service does not read it";
        }
        if (name.startsWith(".~lock.")) {
            return "a LibreOffice lock file (someone has " + name.substring(7, name.length() - (name.endsWith("#") ? 1 : 0))
                    + " open); the service does not read it";
        }
        if (name.startsWith(".")) {
            return "";
        }
        if (name.toLowerCase(Locale.ROOT).endsWith(suffix)) {
            return null;
        }
        if (suffix.equals(".xlsx") && OTHER_SPREADSHEET.matcher(name).matches()) {
            return "the service reads only .xlsx workbooks, so this file is ignored; save it as Excel 2007-365 (.xlsx)"
                    + " without macros to use it";
        }
        return "";
    }

}
