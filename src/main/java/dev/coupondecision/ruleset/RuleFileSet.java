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
import java.util.stream.Stream;

/**
 * The rule files of one ruleset and its version: a content hash over every file's name and bytes, so the
 * same files always give the same version whatever their timestamps.
 */
public record RuleFileSet(List<RuleFile> files, String version) {

    public RuleFileSet {
        files = List.copyOf(files);
    }

    public static RuleFileSet of(List<RuleFile> files) {
        List<RuleFile> sorted = new ArrayList<>(files);
        sorted.sort(Comparator.comparing(RuleFile::name));
        MessageDigest digest = Sha256.digest();
        for (RuleFile file : sorted) {
            digest.update(file.name().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(file.sha256().getBytes(StandardCharsets.US_ASCII));
        }
        return new RuleFileSet(sorted, Sha256.hex(digest.digest()).substring(0, 12));
    }

    /**
     * Reads the {@code .drl} files of {@code rulesDir} and the {@code .xlsx} files of {@code tablesDir}, not
     * descending into sub-directories. Hidden files (Kubernetes' {@code ..data}, LibreOffice's lock files) and
     * Excel's {@code ~$} owner files are skipped; symbolic links are followed.
     */
    public static RuleFileSet read(Path rulesDir, Path tablesDir) {
        List<RuleFile> files = new ArrayList<>();
        files.addAll(readDir(rulesDir, ".drl", RuleFile.Kind.DRL));
        files.addAll(readDir(tablesDir, ".xlsx", RuleFile.Kind.XLSX));
        return of(files);
    }

    /** Reads one file's bytes into a {@link RuleFile}. */
    public static RuleFile file(String name, RuleFile.Kind kind, byte[] content) {
        return new RuleFile(name, kind, content, Sha256.hex(Sha256.of(content)));
    }

    private static List<RuleFile> readDir(Path dir, String suffix, RuleFile.Kind kind) {
        if (!Files.isDirectory(dir)) {
            throw new UncheckedIOException(new IOException("rule directory " + dir.toAbsolutePath() + " does not exist"));
        }
        try (Stream<Path> entries = Files.list(dir)) {
            List<RuleFile> files = new ArrayList<>();
            for (Path path : entries.sorted().toList()) {
                String name = path.getFileName().toString();
                if (name.startsWith(".") || name.startsWith("~$") || !name.toLowerCase().endsWith(suffix)
                        || !Files.isRegularFile(path)) {
                    continue;
                }
                files.add(file(name, kind, Files.readAllBytes(path)));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rule directory " + dir.toAbsolutePath(), e);
        }
    }

}
