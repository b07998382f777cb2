package dev.coupondecision.upload;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.coupondecision.problem.Violation;
import dev.coupondecision.ruleset.RuleFile;
import dev.coupondecision.ruleset.RuleFileSet;
import dev.coupondecision.ruleset.table.WorkbookLimits;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns the file parts of a multipart request into rule files. Each part's file name is the name of the rule
 * file it replaces or adds: a plain {@code .xlsx} or {@code .drl} name, no path, not hidden, each at most once,
 * and the file must not be empty. Scenario parts (part name {@code scenarios}) are {@code .json} files whose name
 * gives their path below {@code scenarios/} with {@code __} for {@code /} ({@code tiers__x.json} is
 * {@code tiers/x.json}, as in the Kubernetes ConfigMap). Every rejected part is reported at once.
 */
public final class UploadedRuleFiles {
    public static final String SCENARIO_PART = "scenarios";
    private static final long MAX_SCENARIO_BYTES = 1024 * 1024;
    private static final java.util.regex.Pattern SCENARIO_NAME = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9._-]*(__[a-z0-9][a-z0-9._-]*)*\\.json");

    private UploadedRuleFiles() {
    }

    /** Rule files and scenario files of one upload. */
    public record Upload(List<RuleFile> rules, java.util.Map<String, byte[]> scenarios) {
    }

    /** The rule-file parts and the scenario parts (part name {@value #SCENARIO_PART}) of a multipart request. */
    public static Upload readWithScenarios(List<FileUpload> uploads, WorkbookLimits limits) {
        return readWithScenarios(uploads, limits, upload -> SCENARIO_PART.equals(upload.name()));
    }

    /**
     * Files dropped together in the console, whatever their part names: {@code .json} files are scenarios, the rest
     * rule files, checked as {@link #readWithScenarios(List, WorkbookLimits)} checks them.
     */
    public static Upload readDropped(List<FileUpload> uploads, WorkbookLimits limits) {
        return readWithScenarios(uploads, limits, upload -> upload.fileName() != null
                && upload.fileName().toLowerCase(Locale.ROOT).endsWith(".json"));
    }

    private static Upload readWithScenarios(List<FileUpload> uploads, WorkbookLimits limits,
                                            java.util.function.Predicate<FileUpload> isScenario) {
        List<FileUpload> rules = new ArrayList<>();
        java.util.Map<String, byte[]> scenarios = new java.util.TreeMap<>();
        List<Violation> violations = new ArrayList<>();
        for (FileUpload upload : uploads == null ? List.<FileUpload>of() : uploads) {
            if (!isScenario.test(upload)) {
                rules.add(upload);
                continue;
            }
            String name = upload.fileName();
            if (name == null || !SCENARIO_NAME.matcher(name).matches()) {
                violations.add(new Violation(upload.name(), name == null ? null : TextNode.valueOf(name),
                        "a scenario file name like tiers__recency-91-days.json (lower case, __ between folders)"));
            } else if (upload.size() <= 0 || upload.size() > MAX_SCENARIO_BYTES) {
                violations.add(new Violation(upload.name(), TextNode.valueOf(name), "a non-empty scenario of at most 1 MiB"));
            } else if (scenarios.put(name.replace("__", "/"), bytes(upload)) != null) {
                violations.add(new Violation(upload.name(), TextNode.valueOf(name), "each scenario at most once per request"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidUploadException(violations);
        }
        return new Upload(rules.isEmpty() && !scenarios.isEmpty() ? List.of() : read(rules, limits), scenarios);
    }

    public static List<RuleFile> read(List<FileUpload> uploads, WorkbookLimits limits) {
        List<Violation> violations = new ArrayList<>();
        if (uploads == null || uploads.isEmpty()) {
            throw new InvalidUploadException(List.of(new Violation("(body)", null,
                    "at least one file part: an .xlsx decision table or a .drl file, named as the file it replaces or adds")));
        }
        List<RuleFile> files = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (FileUpload upload : uploads) {
            String name = upload.fileName();
            String problem = problem(name, upload.size(), seen, limits);
            if (problem != null) {
                violations.add(new Violation(upload.name(), name == null ? null : TextNode.valueOf(name), problem));
                continue;
            }
            seen.add(name);
            files.add(RuleFileSet.file(name, kind(name), bytes(upload)));
        }
        if (!violations.isEmpty()) {
            throw new InvalidUploadException(violations);
        }
        return files;
    }

    private static String problem(String name, long size, Set<String> seen, WorkbookLimits limits) {
        if (name == null || name.isBlank()) {
            return "a file name ending in .xlsx or .drl";
        }
        if (name.contains("/") || name.contains("\\")) {
            return "a plain file name without path separators, such as coupons.xlsx";
        }
        if (name.startsWith(".") || name.startsWith("~$")) {
            return "a file name not starting with '.' or '~$' (hidden and lock files are never loaded)";
        }
        if (kind(name) == null) {
            return name.toLowerCase(Locale.ROOT).endsWith(".xlsm")
                    ? "a macro-free workbook: save it as 'Excel Workbook (.xlsx)'; macro-enabled files are never loaded"
                    : "a file name ending in .xlsx (decision table) or .drl (rules)";
        }
        if (size <= 0) {
            return "a non-empty file";
        }
        if (size > limits.maxBytes()) {
            return "a file of at most " + limits.maxBytes() + " bytes (this one has " + size + ")";
        }
        if (seen.contains(name)) {
            return "each file name at most once per request";
        }
        return null;
    }

    private static RuleFile.Kind kind(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".xlsx") ? RuleFile.Kind.XLSX : lower.endsWith(".drl") ? RuleFile.Kind.DRL : null;
    }

    private static byte[] bytes(FileUpload upload) {
        try {
            return Files.readAllBytes(upload.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the uploaded part " + upload.name(), e);
        }
    }
}
