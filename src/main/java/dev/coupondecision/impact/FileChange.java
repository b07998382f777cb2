package dev.coupondecision.impact;

import dev.coupondecision.ruleset.RuleFile;
import dev.coupondecision.ruleset.RuleFileSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A rule file that differs between the baseline and the candidate ruleset. */
public record FileChange(String name, Change change) {

    public enum Change { ADDED, CHANGED, REMOVED }

    /** The files added, changed (different bytes) or removed from {@code baseline} to {@code candidate}, by name. */
    public static List<FileChange> between(RuleFileSet baseline, RuleFileSet candidate) {
        Map<String, RuleFile> before = byName(baseline);
        Map<String, RuleFile> after = byName(candidate);
        List<FileChange> changes = new ArrayList<>();
        for (RuleFile file : candidate.files()) {
            RuleFile old = before.get(file.name());
            if (old == null) {
                changes.add(new FileChange(file.name(), Change.ADDED));
            } else if (!old.sha256().equals(file.sha256())) {
                changes.add(new FileChange(file.name(), Change.CHANGED));
            }
        }
        for (RuleFile file : baseline.files()) {
            if (!after.containsKey(file.name())) {
                changes.add(new FileChange(file.name(), Change.REMOVED));
            }
        }
        return changes;
    }

    private static Map<String, RuleFile> byName(RuleFileSet files) {
        return files.files().stream().collect(Collectors.toMap(RuleFile::name, Function.identity()));
    }
}
