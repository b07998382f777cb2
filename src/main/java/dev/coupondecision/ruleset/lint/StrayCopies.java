package dev.coupondecision.ruleset.lint;

import dev.coupondecision.ruleset.Finding;
import dev.coupondecision.ruleset.RuleFile;
import dev.coupondecision.ruleset.RuleFileSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds second copies of a rule file left next to it, named the way browsers, Excel and file managers name copies
 * ({@code coupons (1).xlsx}, {@code coupons - Copy.xlsx}, {@code coupons copy.xlsx}). The service would load both,
 * and Drools would blame every rule of the original for being defined twice; the analyst needs to hear about the copy.
 */
final class StrayCopies {
    private static final Pattern COPY_NAME = Pattern.compile(
            "(?i)(.+?)(?: \\(\\d+\\)| - copy(?: \\(\\d+\\))?| copy(?: \\d+)?|[-_]copy\\d*)(\\.xlsx|\\.drl)");

    private StrayCopies() {
    }

    /** The names of the files that are copies of another file of the set. */
    static Set<String> names(RuleFileSet files) {
        return files.files().stream().map(RuleFile::name).filter(name -> originalOf(name, files) != null)
                .collect(Collectors.toSet());
    }

    static List<Finding> check(RuleFileSet files) {
        List<Finding> findings = new ArrayList<>();
        for (RuleFile file : files.files()) {
            String original = originalOf(file.name(), files);
            if (original != null) {
                findings.add(Finding.inDrl(Finding.Severity.ERROR, file.name(), null, null, "'" + file.name()
                        + "' looks like a second copy of " + original + " (the name a download or a copied file gets):"
                        + " the service would load both and every rule twice. Delete it, or save your changes in "
                        + original + " instead"));
            }
        }
        return findings;
    }

    private static String originalOf(String name, RuleFileSet files) {
        Matcher copy = COPY_NAME.matcher(name);
        if (!copy.matches()) {
            return null;
        }
        String original = copy.group(1) + copy.group(2);
        return files.files().stream().map(RuleFile::name)
                .filter(other -> other.toLowerCase(Locale.ROOT).equals(original.toLowerCase(Locale.ROOT)))
                .findFirst().orElse(null);
    }
}
